package dev.ringlet.bench.report;

import java.util.List;
import java.util.function.Function;

/**
 * The report's parts for the {@code cluster} and {@code soak} commands: a table of cluster start-up
 * and heap per shape, a table of their QUORUM load runs, and the soak's verdict row. Metrics these
 * tables show are left out of the report's list of other measurements.
 */
final class ClusterReport {

  private static final List<String> SHAPES = List.of("3", "3+3");
  private static final List<String> LOAD_METRICS =
      List.of("ops_per_s", "p50_us", "p90_us", "p99_us", "p999_us", "jvm_cpu_us_per_op", "server_cpu_us_per_op",
          "server_io_cpu_us_per_op");

  private ClusterReport() {}

  /** True for a metric one of these tables shows. */
  static boolean tabulated(String metric) {
    return metric.startsWith("cluster/") && (metric.contains("/load/") || metric.contains("/first/")
        || metric.contains("/later/") || metric.endsWith("/heap_per_idle_node_mb"));
  }

  /** The soak's row in the targets table: does the heap after GC stay bounded? */
  static void soakTarget(StringBuilder md, Function<String, Double> m) {
    Double bounded = m.apply("soak/heap_bounded");
    if (bounded == null) {
      return;
    }
    md.append("| soak of ").append(ReportWriter.fmt(m.apply("soak/minutes"))).append(" min at ")
        .append(ReportWriter.fmt(m.apply("soak/concurrency"))).append(" in flight: heap after GC bounded | no growth | ")
        .append("slope ").append(ReportWriter.fmt(m.apply("soak/heap_after_gc_slope_mb_per_min"))).append(" MB/min (")
        .append(ReportWriter.fmt(m.apply("soak/heap_after_gc_window_first_mb"))).append(" → ")
        .append(ReportWriter.fmt(m.apply("soak/heap_after_gc_window_last_mb"))).append(" MB after the first quarter); ")
        .append(ReportWriter.fmt(m.apply("soak/ops_per_s"))).append(" ops/s, ")
        .append(ReportWriter.fmt(m.apply("soak/errors"))).append(" errors | ")
        .append(bounded >= 0.5 ? "met" : "**missed**").append(" |\n");
  }

  static void write(StringBuilder md, Function<String, Double> m) {
    StringBuilder starts = new StringBuilder();
    for (String shape : SHAPES) {
      String p = "cluster/" + shape + "/";
      if (m.apply(p + "first/ready_ms") == null && m.apply(p + "heap_per_idle_node_mb") == null) {
        continue;
      }
      starts.append("| ").append(describe(shape)).append(" | ").append(pair(m, p + "first/ready_ms", p + "first/session_ms"))
          .append(" | ").append(pair(m, p + "later/ready_ms", p + "later/session_ms")).append(" | ")
          .append(ReportWriter.fmt(m.apply(p + "heap_per_idle_node_mb"))).append(" MB |\n");
    }
    if (starts.length() > 0) {
      md.append("| cluster | first in the JVM: ready / connected session, ms | later (median): ready / connected session, ms"
          + " | heap per idle node |\n|---|---|---|---|\n").append(starts).append('\n');
    }
    StringBuilder loads = new StringBuilder();
    for (String shape : SHAPES) {
      for (String workload : List.of("insert", "select")) {
        for (String c : List.of("c128", "c32", "c1")) {
          String p = "cluster/" + shape + "/load/" + workload + "/" + c + "/";
          if (m.apply(p + "ops_per_s") == null) {
            continue;
          }
          loads.append("| ").append(describe(shape)).append(" | ").append(workload).append(" | ").append(c.substring(1));
          for (String metric : LOAD_METRICS) {
            loads.append(" | ").append(ReportWriter.fmt(m.apply(p + metric)));
          }
          loads.append(" |\n");
        }
      }
    }
    if (loads.length() > 0) {
      md.append("| cluster, RF 3 per DC, QUORUM | workload | in flight | ops/s | p50 µs | p90 µs | p99 µs | p99.9 µs"
          + " | JVM CPU µs/op | server threads' CPU µs/op | server I/O CPU µs/op |\n|---|---|---|---|---|---|---|---|---|---|---|\n")
          .append(loads).append('\n');
    }
  }

  private static String describe(String shape) {
    return shape.equals("3") ? "3 nodes" : "6 nodes, dc1:3 + dc2:3";
  }

  private static String pair(Function<String, Double> m, String a, String b) {
    return ReportWriter.fmt(m.apply(a)) + " / " + ReportWriter.fmt(m.apply(b));
  }
}
