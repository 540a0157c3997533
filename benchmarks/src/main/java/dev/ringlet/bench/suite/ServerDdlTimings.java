package dev.ringlet.bench.suite;

import dev.ringlet.bench.engine.EngineFixture;
import dev.ringlet.bench.report.CpuClock;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.report.Stats;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.exec.ClientSession;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.QueryProcessor;
import dev.ringlet.internal.exec.Result;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The server's own share of a DDL statement, without a driver or a network: the suite's CREATE
 * TABLEs, then an ALTER TABLE and a DROP TABLE of each, executed through the engine's request path
 * ({@link QueryProcessor#query}, below the protocol codec), each followed by what a driver 4.x
 * session asks the node after a SCHEMA_CHANGE: the schema-agreement queries on {@code system.local}
 * and {@code system.peers}, then a full read of {@code system_schema.*} and
 * {@code system_virtual_schema.*} (driver 4 re-reads the whole schema, paged by 5,000 rows).
 * Result encoding is not included. Times are the CPU time of the thread that runs them (all the
 * work is on it), which a loaded machine inflates far less than wall-clock time.
 */
final class ServerDdlTimings {

  /** What driver 4.19 sends after a DDL to a 4.0+ node (agreement first, then the schema). */
  static final List<String> DRIVER_FOLLOW_UP = List.of(
      "SELECT schema_version FROM system.local WHERE key='local'",
      "SELECT * FROM system.peers",
      "SELECT * FROM system_schema.keyspaces",
      "SELECT * FROM system_schema.types",
      "SELECT * FROM system_schema.tables",
      "SELECT * FROM system_schema.columns",
      "SELECT * FROM system_schema.indexes",
      "SELECT * FROM system_schema.views",
      "SELECT * FROM system_schema.functions",
      "SELECT * FROM system_schema.aggregates",
      "SELECT * FROM system_virtual_schema.keyspaces",
      "SELECT * FROM system_virtual_schema.tables",
      "SELECT * FROM system_virtual_schema.columns");

  private static final String KEYSPACE = "ringlet_ddl";
  private static final int PAGE_SIZE = 5000;

  private final int tables;
  private final ResultSink sink;
  private final QueryProcessor processor = new EngineFixture(InetAddress.getLoopbackAddress()).processor();
  private final ClientSession session = new ClientSession();

  ServerDdlTimings(int tables, ResultSink sink) {
    this.tables = tables;
    this.sink = sink;
  }

  void run(String prefix) {
    execute("CREATE KEYSPACE " + KEYSPACE + " WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    List<Double> create = new ArrayList<>();
    List<Double> followUp = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      create.add(timed("CREATE TABLE " + KEYSPACE + ".t" + t
          + " (id int, seq int, name text, score double, tags set<text>, PRIMARY KEY (id, seq))"));
      followUp.add(followUp());
    }
    List<Double> alter = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      alter.add(timed("ALTER TABLE " + KEYSPACE + ".t" + t + " ADD extra text"));
      followUp.add(followUp());
    }
    List<Double> drop = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      drop.add(timed("DROP TABLE " + KEYSPACE + ".t" + t));
      followUp.add(followUp());
    }
    int tenth = Math.max(1, tables / 5);
    sink.add(prefix + "server_cpu_create_table_median_ms", Stats.median(create), "ms");
    sink.add(prefix + "server_cpu_create_table_first_" + tenth + "_median_ms", Stats.median(create.subList(0, tenth)), "ms");
    sink.add(prefix + "server_cpu_alter_table_median_ms", Stats.median(alter), "ms");
    sink.add(prefix + "server_cpu_drop_table_median_ms", Stats.median(drop), "ms");
    sink.add(prefix + "server_cpu_driver_follow_up_median_ms", Stats.median(followUp), "ms");
    List<Double> round = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      round.add(create.get(t) + followUp.get(t));
    }
    sink.add(prefix + "server_cpu_create_table_with_follow_up_median_ms", Stats.median(round), "ms");
  }

  private double timed(String cql) {
    long t0 = CpuClock.threadNanos();
    execute(cql);
    return Stats.millis(CpuClock.threadNanos() - t0);
  }

  /** The node's time for the driver's queries after one DDL, every page read. */
  private double followUp() {
    long t0 = CpuClock.threadNanos();
    for (String cql : DRIVER_FOLLOW_UP) {
      ByteBuffer paging = null;
      do {
        Result r = processor.query(cql, new QueryOptions(ConsistencyLevel.ONE, List.of(), null, PAGE_SIZE, paging,
            ConsistencyLevel.SERIAL, Long.MIN_VALUE), session);
        paging = r instanceof Result.Rows rows ? rows.pagingState() : null;
      } while (paging != null);
    }
    return Stats.millis(CpuClock.threadNanos() - t0);
  }

  private void execute(String cql) {
    processor.query(cql, QueryOptions.simple(List.of()), session);
  }
}
