package dev.ringlet.junit.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.junit.CassandraCluster;
import dev.ringlet.junit.Isolation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Prints what the extension costs a test suite; asserts nothing about time. Not part of the normal
 * build (surefire only picks up {@code *Test}); run it with
 * {@code ./mvnw -q -B -o -pl wire-protocol,engine,junit-extension test -Dtest=ExtensionTimingsBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (the engine in the same reactor, not a snapshot installed in
 * {@code ~/.m2}) and read
 * {@code junit-extension/target/surefire-reports/dev.ringlet.junit.bench.ExtensionTimingsBenchmark-output.txt}.
 *
 * <ul>
 *   <li>class start to first query: from the first {@code beforeAll} callback of a class (a
 *       recorder registered before {@code @CassandraCluster}) to the end of the first query of its
 *       first test; each run is a fresh launcher session, so a cluster of its own is started.
 *   <li>the same with a keyspace and a 20-table schema script: the extension's set-up, the script,
 *       then the tests' session.
 *   <li>per-test overhead with 20 tables: the gap between the end of one test and the start of the
 *       next, with {@code TRUNCATE_TABLES} (the reset) and with {@code NONE} (the baseline).
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExtensionTimingsBenchmark {

  private static final int RUNS = 6;
  private static final int TESTS = 30;

  static final class Recorder implements BeforeAllCallback, BeforeTestExecutionCallback, AfterTestExecutionCallback {
    static volatile long classStart;
    static volatile long firstQueryDone;
    static final List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
    static volatile long lastTestEnd;

    @Override
    public void beforeAll(ExtensionContext context) {
      classStart = System.nanoTime();
      firstQueryDone = 0;
      lastTestEnd = 0;
      gaps.clear();
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) {
      if (lastTestEnd != 0) {
        gaps.add(System.nanoTime() - lastTestEnd);
      }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
      lastTestEnd = System.nanoTime();
    }
  }

  @ExtendWith(Recorder.class)
  @CassandraCluster(name = "Startup")
  static class FirstQueryFixture {
    @Test
    void first_query(CqlSession session) {
      session.execute("SELECT release_version FROM system.local");
      Recorder.firstQueryDone = System.nanoTime();
    }
  }

  @ExtendWith(Recorder.class)
  @CassandraCluster(name = "Startup", nodes = 3)
  static class FirstQueryThreeNodesFixture {
    @Test
    void first_query(CqlSession session) {
      session.execute("SELECT release_version FROM system.local");
      Recorder.firstQueryDone = System.nanoTime();
    }
  }

  @ExtendWith(Recorder.class)
  @CassandraCluster(name = "Schema", keyspace = "twenty", schema = "classpath:bench/twenty-tables.cql")
  static class FirstQueryWithSchemaFixture {
    @Test
    void first_query(CqlSession session) {
      session.execute("SELECT * FROM t01");
      Recorder.firstQueryDone = System.nanoTime();
    }
  }

  @ExtendWith(Recorder.class)
  @CassandraCluster(name = "Reset", keyspace = "twenty", schema = "classpath:bench/twenty-tables.cql")
  static class TruncateFixture {
    @RepeatedTest(TESTS)
    void writes_to_every_table(CqlSession session) {
      for (int i = 1; i <= 20; i++) {
        session.execute(String.format(Locale.ROOT, "INSERT INTO t%02d (k, c, v) VALUES (1, 1, 'x')", i));
      }
    }
  }

  @ExtendWith(Recorder.class)
  @CassandraCluster(name = "Reset", keyspace = "twenty", schema = "classpath:bench/twenty-tables.cql",
      isolation = Isolation.NONE)
  static class NoResetFixture extends TruncateFixture {}

  @ExtendWith(Recorder.class)
  @CassandraCluster(name = "Reset", keyspace = "twenty", schema = "classpath:bench/twenty-tables.cql",
      isolation = Isolation.FRESH_KEYSPACE)
  static class FreshKeyspaceFixture extends TruncateFixture {}

  @Test
  @Order(1)
  void print_class_start_to_first_query() {
    List<Long> millis = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      execute(FirstQueryFixture.class);
      millis.add((Recorder.firstQueryDone - Recorder.classStart) / 1_000_000);
    }
    System.out.println("class start -> first query, 1 node (ms), first run is a cold JVM: " + millis);
    String refusal = refusal(ClusterSpec.defaults().withNodes(3));
    if (refusal != null) {
      System.out.println("class start -> first query, 3 nodes: not measured, the engine refuses: " + refusal);
      return;
    }
    millis.clear();
    for (int run = 0; run < RUNS; run++) {
      execute(FirstQueryThreeNodesFixture.class);
      millis.add((Recorder.firstQueryDone - Recorder.classStart) / 1_000_000);
    }
    System.out.println("class start -> first query, 3 nodes (ms): " + millis);
  }

  /** With a keyspace and a 20-table script: the set-up session(s), the script, then the tests' session. */
  @Test
  @Order(4)
  void print_class_start_to_first_query_with_a_schema() {
    List<Long> millis = new ArrayList<>();
    for (int run = 0; run < RUNS; run++) {
      execute(FirstQueryWithSchemaFixture.class);
      millis.add((Recorder.firstQueryDone - Recorder.classStart) / 1_000_000);
    }
    System.out.println("class start -> first query, 1 node, keyspace + 20-table script (ms), first run is a cold JVM: " + millis);
  }

  private static String refusal(ClusterSpec spec) {
    try (RingletCluster ignored = Ringlet.start(spec)) {
      return null;
    } catch (UnsupportedOperationException e) {
      return e.getMessage();
    }
  }

  /**
   * The reset itself, without JUnit around it: what {@code TRUNCATE_TABLES} does between two tests
   * (empty the 20 tables of the keyspace, each holding rows, and clear the query log).
   */
  @Test
  @Order(3)
  void print_the_reset_alone_for_20_tables() throws Exception {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE twenty WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      String script = new String(ExtensionTimingsBenchmark.class.getResourceAsStream("/bench/twenty-tables.cql").readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
      for (String statement : dev.ringlet.api.CqlScript.statements(script)) {
        session.execute(statement.replace("CREATE TABLE ", "CREATE TABLE twenty."));
      }
      List<com.datastax.oss.driver.api.core.cql.PreparedStatement> inserts = new ArrayList<>();
      for (int i = 1; i <= 20; i++) {
        inserts.add(session.prepare(String.format(Locale.ROOT, "INSERT INTO twenty.t%02d (k, c, v) VALUES (?, 1, 'x')", i)));
      }
      for (int round = 0; round < 3; round++) {
        long total = 0;
        int resets = 200;
        for (int r = 0; r < resets; r++) {
          for (com.datastax.oss.driver.api.core.cql.PreparedStatement insert : inserts) {
            session.execute(insert.bind(r));
          }
          long start = System.nanoTime();
          cluster.truncate(java.util.Set.of("twenty"));
          cluster.queryLog().clear();
          total += System.nanoTime() - start;
        }
        System.out.printf(Locale.ROOT, "reset alone, 20 tables with one row each: %.1f us per reset (mean of %d)%n",
            total / 1e3 / resets, resets);
      }
    }
  }

  @Test
  @Order(2)
  void print_per_test_reset_cost_for_20_tables() {
    for (int run = 0; run < 3; run++) {
      System.out.printf(Locale.ROOT,
          "per-test overhead, 20 tables: TRUNCATE_TABLES median %.2f ms, NONE median %.2f ms, FRESH_KEYSPACE median %.2f ms%n",
          medianGapMillis(TruncateFixture.class), medianGapMillis(NoResetFixture.class),
          medianGapMillis(FreshKeyspaceFixture.class));
    }
  }

  private static double medianGapMillis(Class<?> fixture) {
    execute(fixture);
    List<Long> sorted = new ArrayList<>(Recorder.gaps);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2) / 1e6;
  }

  private static void execute(Class<?> fixture) {
    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
        .selectors(selectClass(fixture))
        .execute()
        .testEvents().assertStatistics(s -> s.failed(0));
  }
}
