package dev.ringlet.bench.suite;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.config.OptionsMap;
import com.datastax.oss.driver.api.core.config.TypedDriverOption;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.bench.driver.Sessions;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.report.Stats;
import dev.ringlet.bench.target.Target;
import dev.ringlet.bench.target.Targets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What an application's integration-test suite does to its database: start it, connect a session
 * tuned for tests, create a keyspace and {@code tables} tables, then run {@code tests} small tests,
 * each of which empties the tables it uses ({@link SuiteReset}: TRUNCATEs through the driver, or
 * the in-JVM engine's own reset of the keyspace as the JUnit extension does), writes a few rows and
 * reads them back. Times the whole and its parts (start, one DDL, one reset, one test).
 */
public final class SuiteCommand {

  private static final String KEYSPACE = "ringlet_suite";
  /** The tuned session's name, which its threads' names start with. */
  private static final String SESSION_NAME = "suite";

  private final SuiteOptions options;
  private final ResultSink sink;

  public SuiteCommand(SuiteOptions options, ResultSink sink) {
    this.options = options;
    this.sink = sink;
  }

  public void run() {
    run(false);
  }

  /** @param serverDdlOnly only the server's DDL timings ({@link ServerDdlTimings}), no driver, no suite */
  public void run(boolean serverDdlOnly) {
    // --setup script's results are their own series (suite/ringlet-script/...), beside the default's,
    // and so are those of a JVM that compiles with C1 only (-c1) or maps an AppCDS archive (-appcds)
    String prefix = "suite/" + options.target().id() + (options.setup() == SuiteSetup.SCRIPT ? "-script" : "")
        + (c1Only() ? "-c1" : "") + (sharedArchive() ? "-appcds" : "")
        + (options.reset() == SuiteReset.TRUNCATE_CONCURRENT ? "-concurrent-truncate" : "") + "/";
    if (serverDdlOnly) {
      new ServerDdlTimings(options.tables(), sink).run(prefix);
      return;
    }
    // From the launch of this JVM: a test run pays its JVM's start too (Cassandra's start is in start_ms).
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    long jvmToBegin = System.currentTimeMillis() - jvmStart;
    CpuSplit startCpu = new CpuSplit(SESSION_NAME);
    startCpu.begin();
    long begin = System.nanoTime();
    try (Target target = Targets.open(options.target(), options.targetOptions(), a -> { })) {
      long started = System.nanoTime();
      startCpu.end();
      CpuSplit connectCpu = new CpuSplit(SESSION_NAME);
      connectCpu.begin();
      boolean script = options.setup() == SuiteSetup.SCRIPT;
      try (CqlSession ddlSession = script ? setUpSession(target) : tunedSession(target)) {
        long connected = System.nanoTime();
        connectCpu.end();
        CpuSplit ddlCpu = new CpuSplit(SESSION_NAME);
        dev.ringlet.api.QueryLog log = target.queryLog();
        if (log != null) {
          log.setCapacity(100_000);
          log.clear();
        }
        List<Double> ddl = new ArrayList<>();
        ddlSession.execute("DROP KEYSPACE IF EXISTS " + KEYSPACE);
        ddlSession.execute("CREATE KEYSPACE " + KEYSPACE
            + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        for (int t = 0; t < options.tables(); t++) {
          ddlCpu.begin();
          long d0 = System.nanoTime();
          ddlSession.execute("CREATE TABLE " + KEYSPACE + ".t" + t
              + " (id int, seq int, name text, score double, tags set<text>, PRIMARY KEY (id, seq))");
          ddl.add(Stats.millis(System.nanoTime() - d0));
          ddlCpu.end();
        }
        long ddlDone = System.nanoTime();
        // --setup script: the tests' session opens after the script, as the JUnit extension's does,
        // and reads the whole schema once
        CpuSplit testsSessionCpu = new CpuSplit(SESSION_NAME);
        testsSessionCpu.begin();
        CqlSession session = script ? tunedSession(target) : ddlSession;
        testsSessionCpu.end();
        long setUp = System.nanoTime();
        if (log != null) {
          // a full schema refresh reads system_schema.tables once; the DDL statements: CREATE
          // KEYSPACE and the CREATE TABLEs (the DROP KEYSPACE IF EXISTS of a fresh node changes nothing)
          long reads = log.queries(q -> q.query().equals("SELECT * FROM system_schema.tables")).size();
          sink.add(prefix + "schema_refreshes_per_ddl", reads / (double) (options.tables() + 1), "refreshes");
          log.setCapacity(dev.ringlet.api.QueryLog.DEFAULT_CAPACITY);
        }
        List<Double> truncates = new ArrayList<>();
        List<Double> tests = new ArrayList<>();
        SuiteReset reset = options.reset().resolve(target.truncatesItself());
        if (script) {
          sink.add(prefix + "tests_session_connect_ms", Stats.millis(setUp - ddlDone), "ms");
          sink.add(prefix + "tests_session_connect_cpu_driver_threads_ms", CpuSplit.sum(testsSessionCpu.driver()), "ms");
          sink.add(prefix + "tests_session_connect_cpu_server_threads_ms", CpuSplit.sum(testsSessionCpu.server()), "ms");
          sink.add(prefix + "tests_session_connect_cpu_process_ms", CpuSplit.sum(testsSessionCpu.process()), "ms");
        }
        CpuSplit testsCpu = new CpuSplit(SESSION_NAME);
        testsCpu.begin();
        try {
          runTests(session, target, reset, truncates, tests);
          testsCpu.end(); // before the tests' session closes: its threads' CPU is read while they live
        } finally {
          if (script) {
            session.close();
          }
        }
        long testsDone = System.nanoTime();
        sink.add(prefix + "start_ms", Stats.millis(started - begin), "ms");
        sink.add(prefix + "connect_ms", Stats.millis(connected - started), "ms");
        sink.add(prefix + "setup_" + options.tables() + "_tables_ms", Stats.millis(setUp - connected), "ms");
        sink.add(prefix + "ddl_median_ms", Stats.median(ddl), "ms");
        // A DDL's cost grows with the schema (the driver re-reads all of system_schema after each):
        int tenth = Math.max(1, ddl.size() / 5);
        sink.add(prefix + "ddl_first_" + tenth + "_median_ms", Stats.median(ddl.subList(0, tenth)), "ms");
        sink.add(prefix + "ddl_last_" + tenth + "_median_ms", Stats.median(ddl.subList(ddl.size() - tenth, ddl.size())), "ms");
        // CPU, which the load of a shared machine inflates least: the driver session's threads, the
        // in-JVM server's (none for cassandra and jar) and the whole process
        sink.add(prefix + "connect_cpu_driver_threads_ms", CpuSplit.sum(connectCpu.driver()), "ms");
        sink.add(prefix + "connect_cpu_server_threads_ms", CpuSplit.sum(connectCpu.server()), "ms");
        sink.add(prefix + "connect_cpu_process_ms", CpuSplit.sum(connectCpu.process()), "ms");
        sink.add(prefix + "connect_classes_loaded", CpuSplit.sum(connectCpu.classes()), "classes");
        sink.add(prefix + "connect_cpu_calling_thread_ms", CpuSplit.sum(connectCpu.caller()), "ms");
        sink.add(prefix + "start_cpu_calling_thread_ms", CpuSplit.sum(startCpu.caller()), "ms");
        sink.add(prefix + "start_cpu_server_threads_ms", CpuSplit.sum(startCpu.server()), "ms");
        sink.add(prefix + "start_cpu_process_ms", CpuSplit.sum(startCpu.process()), "ms");
        sink.add(prefix + "setup_cpu_driver_threads_ms", CpuSplit.sum(ddlCpu.driver()), "ms");
        sink.add(prefix + "setup_cpu_server_threads_ms", CpuSplit.sum(ddlCpu.server()), "ms");
        sink.add(prefix + "setup_cpu_calling_thread_ms", CpuSplit.sum(ddlCpu.caller()), "ms");
        sink.add(prefix + "tests_cpu_driver_threads_ms", CpuSplit.sum(testsCpu.driver()), "ms");
        sink.add(prefix + "tests_cpu_server_threads_ms", CpuSplit.sum(testsCpu.server()), "ms");
        sink.add(prefix + "tests_cpu_calling_thread_ms", CpuSplit.sum(testsCpu.caller()), "ms");
        sink.add(prefix + "tests_cpu_process_ms", CpuSplit.sum(testsCpu.process()), "ms");
        sink.add(prefix + "ddl_cpu_driver_threads_median_ms", Stats.median(ddlCpu.driver()), "ms");
        sink.add(prefix + "ddl_cpu_server_threads_median_ms", Stats.median(ddlCpu.server()), "ms");
        sink.add(prefix + "ddl_cpu_process_median_ms", Stats.median(ddlCpu.process()), "ms");
        sink.add(prefix + "ddl_cpu_process_last_" + tenth + "_median_ms",
            Stats.median(ddlCpu.process().subList(ddl.size() - tenth, ddl.size())), "ms");
        sink.add(prefix + "setup_cpu_process_ms", CpuSplit.sum(ddlCpu.process()), "ms");
        // one TRUNCATE through the driver, or (reset cluster) one reset of the whole keyspace, or
        // (truncate-concurrent) the tests' tables' TRUNCATEs sent at once
        sink.add(prefix + (reset == SuiteReset.CLUSTER ? "reset_median_ms"
            : reset == SuiteReset.TRUNCATE_CONCURRENT ? "truncate_concurrent_median_ms" : "truncate_median_ms"),
            Stats.median(truncates), "ms");
        sink.add(prefix + "test_median_ms", Stats.median(tests), "ms");
        sink.add(prefix + options.tests() + "_tests_ms", Stats.millis(testsDone - setUp), "ms");
        sink.add(prefix + "total_ms", Stats.millis(testsDone - begin), "ms");
        sink.add(prefix + "jvm_to_begin_ms", jvmToBegin, "ms");
        // start-up included: this JVM's launch, the server's start (for Cassandra: start.sh --clean
        // to wait-ready.sh with --start-cassandra), the session, the set-up DDL and every test
        sink.add(prefix + "end_to_end_ms", jvmToBegin + Stats.millis(testsDone - begin), "ms");
      }
      defaultSessionDdl(target, prefix);
    }
    if (options.target() == dev.ringlet.bench.target.TargetKind.RINGLET && options.setup() == SuiteSetup.TESTS) {
      new ServerDdlTimings(options.tables(), sink).run(prefix);
    }
  }

  /**
   * Whether this JVM compiles with C1 only ({@code -XX:TieredStopAtLevel=1} or lower), a flag a test
   * JVM may be given (Maven's {@code argLine}); for Cassandra it applies to the driver's JVM only.
   */
  static boolean c1Only() {
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:TieredStopAtLevel=") && !arg.endsWith("=4")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether this JVM was given an application class-data archive of its own
   * ({@code -XX:SharedArchiveFile=}, an AppCDS archive a previous run wrote with
   * {@code -XX:ArchiveClassesAtExit=} or JDK 19's {@code -XX:+AutoCreateSharedArchive}): a test JVM's
   * setting, opt-in. The JDK's own default archive of its classes is not one.
   */
  static boolean sharedArchive() {
    for (String arg : java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("-XX:SharedArchiveFile=")) {
        return true;
      }
    }
    return false;
  }

  private void runTests(CqlSession session, Target target, SuiteReset reset, List<Double> truncates, List<Double> tests) {
    List<PreparedStatement> inserts = new ArrayList<>();
    List<PreparedStatement> selects = new ArrayList<>();
    for (int t = 0; t < options.resetTables(); t++) {
      inserts.add(session.prepare("INSERT INTO " + KEYSPACE + ".t" + t + " (id, seq, name, score) VALUES (?, ?, ?, ?)"));
      selects.add(session.prepare("SELECT seq, name, score FROM " + KEYSPACE + ".t" + t + " WHERE id = ?"));
    }
    for (int i = 0; i < options.tests(); i++) {
      long t0 = System.nanoTime();
      if (reset == SuiteReset.CLUSTER) {
        target.truncateKeyspace(KEYSPACE);
        truncates.add(Stats.millis(System.nanoTime() - t0));
      } else if (reset == SuiteReset.TRUNCATE_CONCURRENT) {
        List<java.util.concurrent.CompletableFuture<?>> pending = new ArrayList<>();
        for (int t = 0; t < options.resetTables(); t++) {
          pending.add(session.executeAsync("TRUNCATE " + KEYSPACE + ".t" + t).toCompletableFuture());
        }
        pending.forEach(java.util.concurrent.CompletableFuture::join);
        truncates.add(Stats.millis(System.nanoTime() - t0));
      } else {
        for (int t = 0; t < options.resetTables(); t++) {
          long r0 = System.nanoTime();
          session.execute("TRUNCATE " + KEYSPACE + ".t" + t);
          truncates.add(Stats.millis(System.nanoTime() - r0));
        }
      }
      int table = i % options.resetTables();
      for (int r = 0; r < options.rowsPerTest(); r++) {
        session.execute(inserts.get(table).bind(i, r, "row " + r, r * 1.5));
      }
      List<Row> rows = session.execute(selects.get(table).bind(i)).all();
      if (rows.size() != options.rowsPerTest()) {
        throw new IllegalStateException("test " + i + ": read " + rows.size() + " rows (expected: " + options.rowsPerTest() + ")");
      }
      tests.add(Stats.millis(System.nanoTime() - t0));
    }
  }

  /**
   * A session tuned as the JUnit extension tunes the sessions it injects (windows as the options
   * say), configured as the extension configures it where the application has no driver
   * configuration file: the driver's built-in defaults plus the settings ({@code --config-loader
   * map}), or the driver's file-based loader, which parses its {@code reference.conf} ({@code file}).
   */
  private CqlSession tunedSession(Target target) {
    DriverConfigLoader loader;
    if (options.mapConfigLoader()) {
      OptionsMap map = Sessions.testsOptions();
      map.put(TypedDriverOption.SESSION_NAME, SESSION_NAME);
      map.put(TypedDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(options.schemaWindowMillis()));
      map.put(TypedDriverOption.METADATA_SCHEMA_MAX_EVENTS, options.schemaMaxEvents());
      loader = DriverConfigLoader.fromMap(map);
    } else {
      loader = Sessions.config(Sessions.Tuning.TESTS)
          .withString(DefaultDriverOption.SESSION_NAME, SESSION_NAME)
          .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(options.schemaWindowMillis()))
          .withInt(DefaultDriverOption.METADATA_SCHEMA_MAX_EVENTS, options.schemaMaxEvents())
          .build();
    }
    return CqlSession.builder()
        .addContactPoints(target.contactPoints())
        .withLocalDatacenter(target.localDatacenter())
        .withConfigLoader(loader)
        .build();
  }

  /**
   * A session as the JUnit extension's for running a class's {@code schema} scripts: tuned as
   * {@link #tunedSession}, with schema metadata off, so that a DDL statement waits for schema
   * agreement but not for a refresh of the driver's metadata.
   */
  private CqlSession setUpSession(Target target) {
    OptionsMap map = Sessions.testsOptions();
    map.put(TypedDriverOption.SESSION_NAME, SESSION_NAME);
    map.put(TypedDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(options.schemaWindowMillis()));
    map.put(TypedDriverOption.METADATA_SCHEMA_MAX_EVENTS, options.schemaMaxEvents());
    map.put(TypedDriverOption.METADATA_SCHEMA_ENABLED, false);
    return CqlSession.builder()
        .addContactPoints(target.contactPoints())
        .withLocalDatacenter(target.localDatacenter())
        .withConfigLoader(DriverConfigLoader.fromMap(map))
        .build();
  }

  /** A few DDL round trips through a session with the driver's default debouncer settings. */
  private void defaultSessionDdl(Target target, String prefix) {
    if (options.defaultSessionDdls() == 0) {
      return;
    }
    try (CqlSession session = Sessions.open(target.contactPoints(), target.localDatacenter(), Sessions.Tuning.DEFAULTS)) {
      List<Double> ddl = new ArrayList<>();
      for (int i = 0; i < options.defaultSessionDdls(); i++) {
        long d0 = System.nanoTime();
        session.execute("CREATE TABLE " + KEYSPACE + ".untuned" + i + " (id int PRIMARY KEY, v text)");
        ddl.add(Stats.millis(System.nanoTime() - d0));
      }
      sink.add(prefix + "ddl_default_session_median_ms", Stats.median(ddl), "ms");
    }
  }
}
