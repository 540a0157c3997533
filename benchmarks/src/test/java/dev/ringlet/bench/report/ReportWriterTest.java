package dev.ringlet.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

  @TempDir
  Path dir;

  @Test
  void should_judge_targets_on_the_median_of_repeated_samples() throws Exception {
    // Given three start-up samples (median 250 ms) and one insert run per server
    ResultSink sink = new ResultSink(dir.resolve("results.tsv"));
    sink.add("startup/first/ready_ms", 250, "ms");
    sink.add("startup/first/ready_ms", 900, "ms");
    sink.add("startup/first/ready_ms", 240, "ms");
    sink.add("load/noop/insert/c128/ops_per_s", 10_000, "ops/s");
    sink.add("load/ringlet/insert/c128/ops_per_s", 6_000, "ops/s");

    // When
    Path out = dir.resolve("report.md");
    new ReportWriter(dir.resolve("results.tsv"), null, out, "test").write();

    // Then
    String md = Files.readString(out);
    assertThat(md).contains("| first cluster in a fresh JVM: `Ringlet.start()` returns | < 300 ms | 250 ms | met |");
    assertThat(md).contains("| 60 % (6,000 / 10,000 ops/s) | **missed** |");
    assertThat(md).doesNotContain("later 1-node clusters"); // not measured, so no verdict
  }

  @Test
  void should_compare_the_servers_io_thread_cpu_when_measured() throws Exception {
    // Given a select run per server with the CPU of their event loops per operation
    ResultSink sink = new ResultSink(dir.resolve("results.tsv"));
    sink.add("load/noop/select/c128/ops_per_s", 10_000, "ops/s");
    sink.add("load/ringlet/select/c128/ops_per_s", 8_000, "ops/s");
    sink.add("load/noop/select/c128/server_io_cpu_us_per_op", 6, "us");
    sink.add("load/ringlet/select/c128/server_io_cpu_us_per_op", 12, "us");

    // When
    Path out = dir.resolve("report.md");
    new ReportWriter(dir.resolve("results.tsv"), null, out, "test").write();

    // Then the verdict stays on throughput, and the CPU ratio is shown beside it and in the table
    String md = Files.readString(out);
    assertThat(md).contains("80 % (8,000 / 10,000 ops/s); by the server I/O threads' CPU per op: 50 % (6.00 / 12.0 µs) | met |");
    assertThat(md).contains("| select | 128 | ringlet | 8,000 |");
    assertThat(md).contains("| 12.0 | 80 % |");
  }

  @Test
  void should_judge_the_suite_end_to_end_with_start_up_included() throws Exception {
    // Given both suites' end-to-end times (JVM launch and server start included)
    ResultSink sink = new ResultSink(dir.resolve("results.tsv"));
    sink.add("suite/ringlet/end_to_end_ms", 5_000, "ms");
    sink.add("suite/cassandra/end_to_end_ms", 35_000, "ms");
    sink.add("suite/ringlet/server_cpu_create_table_median_ms", 0.8, "ms");

    // When
    Path out = dir.resolve("report.md");
    new ReportWriter(dir.resolve("results.tsv"), null, out, "test").write();

    // Then
    String md = Files.readString(out);
    assertThat(md).contains("| test-suite workload end to end, start-up included, vs Cassandra 5.0 | ≥ 20× | 7.00× (35,000 / 5,000 ms) | **missed** |");
    assertThat(md).contains("| single DDL statement on the server (CREATE TABLE, no driver; CPU) | < 5.00 ms | 0.80 ms | met |");
    assertThat(md).doesNotContain("`--setup script`"); // that series was not run
  }

  @Test
  void should_judge_the_suite_with_the_extensions_set_up_as_its_own_series() throws Exception {
    // Given both series, the default and --setup script
    ResultSink sink = new ResultSink(dir.resolve("results.tsv"));
    sink.add("suite/ringlet/end_to_end_ms", 5_000, "ms");
    sink.add("suite/cassandra/end_to_end_ms", 35_000, "ms");
    sink.add("suite/ringlet-script/end_to_end_ms", 1_500, "ms");
    sink.add("suite/cassandra-script/end_to_end_ms", 33_000, "ms");
    sink.add("suite/ringlet-script-c1/end_to_end_ms", 1_000, "ms");
    sink.add("suite/cassandra-script-c1/end_to_end_ms", 31_000, "ms");
    sink.add("suite/cassandra-concurrent-truncate/end_to_end_ms", 30_000, "ms");
    sink.add("suite/ringlet-appcds/end_to_end_ms", 2_500, "ms");

    // When
    Path out = dir.resolve("report.md");
    new ReportWriter(dir.resolve("results.tsv"), null, out, "test").write();

    // Then each is judged against its own Cassandra run
    String md = Files.readString(out);
    assertThat(md).contains("| test-suite workload end to end, start-up included, vs Cassandra 5.0 | ≥ 20× | 7.00× (35,000 / 5,000 ms) | **missed** |");
    assertThat(md).contains("| the same, set-up DDL run as the JUnit extension runs schema scripts (`--setup script`) | ≥ 20× | 22.0× (33,000 / 1,500 ms) | met |");
    assertThat(md).contains("| the same, `--setup script`, the test JVM with `-XX:TieredStopAtLevel=1` (Cassandra: its driver's JVM) | ≥ 20× | 31.0× (31,000 / 1,000 ms) | met |");
    // and the default workload against Cassandra resetting with its TRUNCATEs all in flight
    assertThat(md).contains("| the default workload, Cassandra's 5 TRUNCATEs per test sent at once (`--reset truncate-concurrent`) | ≥ 20× | 6.00× (30,000 / 5,000 ms) | **missed** |");
    // and the opt-in AppCDS series against Cassandra's default run, named as an opt-in
    assertThat(md).contains("| opt-in, not the default: the default workload, the test JVM with an AppCDS archive of a previous run's"
        + " classes (`tools/bench.sh --appcds`) | ≥ 20× | 14.0× (35,000 / 2,500 ms) | **missed** |");
  }

  @Test
  void should_judge_later_3_node_clusters_and_tabulate_the_cluster_runs() throws Exception {
    // Given a cluster run: two later 3-node starts, heap per node, one QUORUM select run
    ResultSink sink = new ResultSink(dir.resolve("results.tsv"));
    sink.add("cluster/3/first/ready_ms", 900, "ms");
    sink.add("cluster/3/first/session_ms", 2_000, "ms");
    sink.add("cluster/3/later/ready_ms", 14, "ms");
    sink.add("cluster/3/later/session_ms", 180, "ms");
    sink.add("cluster/3/heap_per_idle_node_mb", 0.5, "MB");
    sink.add("cluster/3/load/select/c128/ops_per_s", 7_000, "ops/s");
    sink.add("cluster/3/load/select/c128/server_cpu_us_per_op", 90, "us");

    // When
    Path out = dir.resolve("report.md");
    new ReportWriter(dir.resolve("results.tsv"), null, out, "test").write();

    // Then the target is judged on the connected session, and the runs are in their own tables
    String md = Files.readString(out);
    assertThat(md).contains("| later 3-node clusters: start to a connected driver session | < 150 ms | 180 ms"
        + " (`Ringlet.start()` returns: 14.0 ms) | **missed** |");
    assertThat(md).contains("| 3 nodes | 900 / 2,000 | 14.0 / 180 | 0.50 MB |");
    assertThat(md).contains("| 3 nodes | select | 128 | 7,000 | – | – | – | – | – | 90.0 | – |");
    assertThat(md).doesNotContain("`cluster/3/later/ready_ms`"); // not repeated among the other measurements
  }

  @Test
  void should_give_the_soak_a_verdict_on_the_heap_trend() throws Exception {
    // Given a soak whose heap after GC grew 1.2 MB/min
    ResultSink sink = new ResultSink(dir.resolve("results.tsv"));
    sink.add("soak/minutes", 10, "min");
    sink.add("soak/concurrency", 32, "in flight");
    sink.add("soak/ops_per_s", 9_000, "ops/s");
    sink.add("soak/errors", 0, "count");
    sink.add("soak/heap_after_gc_window_first_mb", 60, "MB");
    sink.add("soak/heap_after_gc_window_last_mb", 70, "MB");
    sink.add("soak/heap_after_gc_slope_mb_per_min", 1.2, "MB/min");
    sink.add("soak/heap_bounded", 0, "1 = yes");

    // When
    Path out = dir.resolve("report.md");
    new ReportWriter(dir.resolve("results.tsv"), null, out, "test").write();

    // Then
    assertThat(Files.readString(out)).contains("| soak of 10.0 min at 32.0 in flight: heap after GC bounded | no growth |"
        + " slope 1.20 MB/min (60.0 → 70.0 MB after the first quarter); 9,000 ops/s, 0.00 errors | **missed** |");
  }
}
