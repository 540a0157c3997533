package dev.ringlet.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Turns a results file (samples appended by {@link ResultSink}, several per metric when a
 * measurement was repeated) and an optional JMH CSV into markdown: the targets with met/missed, the
 * load table with ratios against the baselines of the same run, the other measurements, and JMH.
 * Every number is the median of its samples.
 */
public final class ReportWriter {

  private final Path results;
  private final Path jmhCsv;
  private final Path out;
  private final String title;

  public ReportWriter(Path results, Path jmhCsv, Path out, String title) {
    this.results = Objects.requireNonNull(results, "--results");
    this.jmhCsv = jmhCsv;
    this.out = out;
    this.title = title;
  }

  public void write() throws IOException {
    Map<String, List<Double>> samples = new LinkedHashMap<>();
    Map<String, String> units = new LinkedHashMap<>();
    for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
      String[] f = line.split("\t");
      if (f.length == 3) {
        samples.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[1]));
        units.put(f[0], f[2]);
      }
    }
    Medians m = new Medians(samples, units);
    StringBuilder md = new StringBuilder();
    md.append("### ").append(title).append("\n\n");
    targets(md, m);
    load(md, m);
    ClusterReport.write(md, m::get);
    others(md, m);
    if (jmhCsv != null && Files.isRegularFile(jmhCsv)) {
      jmh(md, Files.readAllLines(jmhCsv, StandardCharsets.UTF_8));
    }
    if (out != null) {
      Files.writeString(out, md.toString(), StandardCharsets.UTF_8);
    }
    System.out.print(md);
  }

  private static void targets(StringBuilder md, Medians m) {
    md.append("| target | goal | measured (median) | verdict |\n|---|---|---|---|\n");
    below(md, m, "first cluster in a fresh JVM: `Ringlet.start()` returns", "startup/first/ready_ms", 300, "ms",
        "startup/first/ready_cpu_calling_thread_ms", "CPU of the calling thread");
    below(md, m, "later 1-node clusters: `Ringlet.start()` returns", "startup/later/ready_ms", 50, "ms");
    below(md, m, "`java -jar ringlet.jar` to `Ringlet ready:`", "jar/spawn_to_ready_ms", 1000, "ms",
        "jar/cpu_at_ready_ms", "CPU of the process, all threads");
    below(md, m, "retained heap per idle node", "footprint/heap_per_idle_node_mb", 20, "MB");
    ratio(md, m, "insert");
    ratio(md, m, "select");
    below(md, m, "DDL round trip (CREATE TABLE), tuned session", "suite/ringlet/ddl_median_ms", 50, "ms");
    below(md, m, "single DDL statement on the server (CREATE TABLE, no driver; CPU)", "suite/ringlet/server_cpu_create_table_median_ms",
        5, "ms");
    suiteVsCassandra(md, m);
    below(md, m, "later 3-node clusters: start to a connected driver session", "cluster/3/later/session_ms", 150, "ms",
        "cluster/3/later/ready_ms", "`Ringlet.start()` returns");
    ClusterReport.soakTarget(md, m::get);
    md.append('\n');
  }

  /**
   * The test-suite workload end to end, start-up included (each side's JVM launch, the server's
   * start to ready, the session, the set-up DDL and the same tests), Cassandra's time over Ringlet's.
   */
  private static void suiteVsCassandra(StringBuilder md, Medians m) {
    suiteVsCassandra(md, m, "", "test-suite workload end to end, start-up included, vs Cassandra 5.0");
    // suite --setup script: the set-up's DDL as the JUnit extension runs a schema script
    suiteVsCassandra(md, m, "-script", "the same, set-up DDL run as the JUnit extension runs schema scripts (`--setup script`)");
    suiteVsCassandra(md, m, "-script-c1", "the same, `--setup script`, the test JVM with `-XX:TieredStopAtLevel=1` (Cassandra: its driver's JVM)");
    // tools/bench.sh --appcds: the default workload in a test JVM mapping an AppCDS archive of a
    // previous run's classes, an opt-in of the user's (Cassandra's default series: its driver's JVM
    // would gain from one too, but its time is Cassandra's start and DDL)
    suiteVsCassandra(md, m, "-appcds", "", "opt-in, not the default: the default workload, the test JVM with an AppCDS archive"
        + " of a previous run's classes (`tools/bench.sh --appcds`)");
    // the fairness check: the default workload against Cassandra emptying its 5 tables with all
    // TRUNCATEs in flight at once (suite --reset truncate-concurrent), its fastest reset through a driver
    suiteVsCassandra(md, m, "", "-concurrent-truncate",
        "the default workload, Cassandra's 5 TRUNCATEs per test sent at once (`--reset truncate-concurrent`)");
  }

  private static void suiteVsCassandra(StringBuilder md, Medians m, String series, String what) {
    suiteVsCassandra(md, m, series, series, what);
  }

  private static void suiteVsCassandra(StringBuilder md, Medians m, String ringletSeries, String cassandraSeries, String what) {
    Double ringlet = m.get("suite/ringlet" + ringletSeries + "/end_to_end_ms");
    Double cassandra = m.get("suite/cassandra" + cassandraSeries + "/end_to_end_ms");
    if (ringlet == null || cassandra == null) {
      return;
    }
    double r = cassandra / ringlet;
    md.append("| ").append(what).append(" | ≥ 20× | ").append(fmt(r))
        .append("× (").append(fmt(cassandra)).append(" / ").append(fmt(ringlet)).append(" ms) | ")
        .append(r >= 20 ? "met" : "**missed**").append(" |\n");
  }

  private static void below(StringBuilder md, Medians m, String what, String metric, double goal, String unit) {
    below(md, m, what, metric, goal, unit, null, null);
  }

  /** A goal of the form "below"; {@code cpuMetric}, when measured, is shown beside the wall time. */
  private static void below(StringBuilder md, Medians m, String what, String metric, double goal, String unit,
      String cpuMetric, String cpuWhat) {
    Double v = m.get(metric);
    if (v == null) {
      return; // a partial run (one command): only what was measured has a verdict
    }
    Double cpu = cpuMetric == null ? null : m.get(cpuMetric);
    md.append("| ").append(what).append(" | < ").append(fmt(goal)).append(' ').append(unit).append(" | ")
        .append(v == null ? "not measured" : fmt(v) + " " + unit)
        .append(cpu == null ? "" : " (" + cpuWhat + ": " + fmt(cpu) + " ms)").append(" | ")
        .append(v == null ? "–" : v < goal ? "met" : "**missed**").append(" |\n");
  }

  private static void ratio(StringBuilder md, Medians m, String workload) {
    Double ringlet = m.get("load/ringlet/" + workload + "/c128/ops_per_s");
    Double noop = m.get("load/noop/" + workload + "/c128/ops_per_s");
    String what = "prepared " + workload.toUpperCase(Locale.ROOT) + " at 128 in flight, vs no-op server";
    if (ringlet == null || noop == null) {
      return;
    }
    md.append("| ").append(what).append(" | ≥ 70 % | ");
    double r = ringlet / noop;
    md.append(pct(r)).append(" (").append(fmt(ringlet)).append(" / ").append(fmt(noop)).append(" ops/s)");
    Double ringletCpu = m.get("load/ringlet/" + workload + "/c128/jvm_cpu_us_per_op");
    Double noopCpu = m.get("load/noop/" + workload + "/c128/jvm_cpu_us_per_op");
    if (ringletCpu != null && noopCpu != null) {
      md.append("; by CPU per op: ").append(pct(noopCpu / ringletCpu)).append(" (").append(fmt(noopCpu)).append(" / ")
          .append(fmt(ringletCpu)).append(" µs)");
    }
    Double ringletServer = m.get("load/ringlet/" + workload + "/c128/server_io_cpu_us_per_op");
    Double noopServer = m.get("load/noop/" + workload + "/c128/server_io_cpu_us_per_op");
    if (ringletServer != null && noopServer != null) {
      md.append("; by the server I/O threads' CPU per op: ").append(pct(noopServer / ringletServer)).append(" (")
          .append(fmt(noopServer)).append(" / ").append(fmt(ringletServer)).append(" µs)");
    }
    md.append(" | ").append(r >= 0.7 ? "met" : "**missed**").append(" |\n");
  }

  private static void load(StringBuilder md, Medians m) {
    TreeSet<String> cases = new TreeSet<>();
    TreeSet<String> targets = new TreeSet<>();
    for (String metric : m.names()) {
      String[] p = metric.split("/");
      if (p.length == 5 && p[0].equals("load")) {
        cases.add(p[2] + "/" + p[3]);
        targets.add(p[1]);
      }
    }
    if (cases.isEmpty()) {
      return;
    }
    md.append("| workload | in flight | server | ops/s | p50 µs | p90 µs | p99 µs | p99.9 µs | JVM CPU µs/op | server I/O CPU µs/op | vs no-op | vs Cassandra |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (String c : cases) {
      String[] wc = c.split("/");
      Double noop = m.get("load/noop/" + c + "/ops_per_s");
      Double cassandra = m.get("load/cassandra/" + c + "/ops_per_s");
      for (String t : List.of("noop", "ringlet", "jar", "cassandra")) {
        String p = "load/" + t + "/" + c + "/";
        Double ops = m.get(p + "ops_per_s");
        if (ops == null || !targets.contains(t)) {
          continue;
        }
        md.append("| ").append(wc[0]).append(" | ").append(wc[1].substring(1)).append(" | ").append(t).append(" | ")
            .append(fmt(ops)).append(" | ").append(fmt(m.get(p + "p50_us"))).append(" | ").append(fmt(m.get(p + "p90_us")))
            .append(" | ").append(fmt(m.get(p + "p99_us"))).append(" | ").append(fmt(m.get(p + "p999_us"))).append(" | ")
            .append(fmt(m.get(p + "jvm_cpu_us_per_op"))).append(" | ")
            .append(m.get(p + "server_io_cpu_us_per_op") == null ? "" : fmt(m.get(p + "server_io_cpu_us_per_op"))).append(" | ")
            .append(noop == null || t.equals("noop") ? "" : pct(ops / noop)).append(" | ")
            .append(cassandra == null || t.equals("cassandra") ? "" : fmt(ops / cassandra) + "×").append(" |\n");
      }
    }
    md.append('\n');
  }

  private static void others(StringBuilder md, Medians m) {
    md.append("| measurement | median | samples |\n|---|---|---|\n");
    for (String metric : m.names()) {
      if (metric.startsWith("load/") || ClusterReport.tabulated(metric)) {
        continue;
      }
      md.append("| `").append(metric).append("` | ").append(fmt(m.get(metric))).append(' ').append(m.unit(metric))
          .append(" | ").append(m.count(metric)).append(" |\n");
    }
    md.append('\n');
  }

  private static void jmh(StringBuilder md, List<String> lines) {
    if (lines.size() < 2) {
      return;
    }
    List<String> header = csv(lines.get(0));
    int name = header.indexOf("Benchmark");
    int score = header.indexOf("Score");
    int error = header.indexOf("Score Error (99.9%)");
    int unit = header.indexOf("Unit");
    int mode = header.indexOf("Mode");
    md.append("| JMH benchmark | mode | score | ± error (99.9 %) | unit |\n|---|---|---|---|---|\n");
    for (String line : lines.subList(1, lines.size())) {
      List<String> f = csv(line);
      if (f.size() < header.size()) {
        continue;
      }
      String bench = f.get(name).replace("dev.ringlet.bench.jmh.", "");
      StringBuilder params = new StringBuilder();
      for (int i = 0; i < header.size(); i++) {
        if (header.get(i).startsWith("Param: ") && !f.get(i).isEmpty()) {
          params.append(params.length() == 0 ? " (" : ", ").append(header.get(i).substring(7)).append('=').append(f.get(i));
        }
      }
      if (params.length() > 0) {
        params.append(')');
      }
      md.append("| ").append(bench).append(params).append(" | ").append(f.get(mode)).append(" | ")
          .append(fmt(Double.parseDouble(f.get(score)))).append(" | ").append(fmtOrNaN(f.get(error))).append(" | ")
          .append(f.get(unit)).append(" |\n");
    }
    md.append('\n');
  }

  private static String fmtOrNaN(String s) {
    try {
      return fmt(Double.parseDouble(s));
    } catch (NumberFormatException e) {
      return s;
    }
  }

  private static List<String> csv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    out.add(cur.toString());
    return out;
  }

  static String fmt(Double v) {
    if (v == null || v.isNaN()) {
      return "–";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    if (a >= 10) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String pct(double r) {
    return String.format(Locale.ROOT, "%.0f %%", r * 100);
  }

  /** Medians of the samples, by metric name, in the order the metrics first appeared. */
  private record Medians(Map<String, List<Double>> samples, Map<String, String> units) {
    Double get(String metric) {
      List<Double> s = samples.get(metric);
      return s == null ? null : Stats.median(s);
    }

    String unit(String metric) {
      return units.getOrDefault(metric, "");
    }

    int count(String metric) {
      return samples.getOrDefault(metric, List.of()).size();
    }

    Iterable<String> names() {
      return samples.keySet();
    }
  }
}
