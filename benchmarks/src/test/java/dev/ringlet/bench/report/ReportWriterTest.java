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
  }
}
