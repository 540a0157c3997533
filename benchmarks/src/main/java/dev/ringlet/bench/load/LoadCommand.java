package dev.ringlet.bench.load;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.bench.driver.Sessions;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.target.Target;
import dev.ringlet.bench.target.TargetKind;
import dev.ringlet.bench.target.Targets;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The driver-based load program: for each target, one session, the schema, the populated keys,
 * then for each workload and concurrency a warm-up and a measured run. Prints ops/s and
 * p50/p90/p99/p99.9 latency and appends them to the results file as
 * {@code load/<target>/<workload>/c<in flight>/<ops_per_s|p50_us|...>}.
 */
public final class LoadCommand {

  private static final int CAPTURE_PARTITIONS = 100;

  private final LoadOptions options;
  private final ResultSink sink;

  public LoadCommand(LoadOptions options) {
    this.options = options;
    this.sink = new ResultSink(options.results());
  }

  public void run() throws InterruptedException {
    for (TargetKind kind : options.targets()) {
      try (Target target = Targets.open(kind, options.targetOptions(), this::capture)) {
        measure(target);
      }
    }
  }

  private void measure(Target target) throws InterruptedException {
    try (CqlSession session = Sessions.open(target.contactPoints(), target.localDatacenter(), Sessions.Tuning.TESTS)) {
      BenchSchema schema = new BenchSchema(session, options.partitions());
      int maxConcurrency = options.concurrencies().stream().mapToInt(Integer::intValue).max().orElse(128);
      schema.populate(maxConcurrency);
      if (options.targetOptions().durable()) {
        target.flush(); // the populated keys are then read from SSTables (with the memtable of later writes)
      }
      for (Workload w : options.workloads()) {
        for (int concurrency : options.concurrencies()) {
          LoadRunner.Op op = schema.op(w);
          LoadRunner.run(op, options.warmup(), concurrency, null);
          Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
          LoadRunner.Outcome outcome = LoadRunner.run(op, options.requests(), concurrency, latencies);
          report(target.kind(), w, concurrency, outcome);
        }
      }
    }
  }

  private void report(TargetKind kind, Workload w, int concurrency, LoadRunner.Outcome o) {
    Histogram h = o.latencyMicros();
    System.out.printf(Locale.ROOT, "%-9s %-7s in-flight=%-4d ops=%-7d errors=%-5d %9.0f ops/s  p50=%6d us  p90=%6d us"
            + "  p99=%6d us  p99.9=%6d us  cpu/op=%5.1f us  server-io-cpu/op=%5.1f us%n", kind.id(), w.id(), concurrency,
        o.operations(), o.errors(), o.opsPerSecond(),
        h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
        o.processCpuNanos() / 1000.0 / o.operations(), o.serverIoCpuNanos() / 1000.0 / o.operations());
    if (o.firstError() != null) {
      System.out.println("  first error: " + o.firstError());
    }
    String prefix = "load/" + kind.id() + "/" + w.id() + "/c" + concurrency + "/";
    sink.add(prefix + "ops_per_s", o.opsPerSecond(), "ops/s");
    sink.add(prefix + "p50_us", h.getValueAtPercentile(50), "us");
    sink.add(prefix + "p90_us", h.getValueAtPercentile(90), "us");
    sink.add(prefix + "p99_us", h.getValueAtPercentile(99), "us");
    sink.add(prefix + "p999_us", h.getValueAtPercentile(99.9), "us");
    sink.add(prefix + "errors", o.errors(), "count");
    // CPU of this JVM per operation: driver + in-JVM server (for "jar" and "cassandra", the driver only).
    sink.add(prefix + "jvm_cpu_us_per_op", o.processCpuNanos() / 1000.0 / o.operations(), "us");
    if (o.serverIoCpuNanos() > 0) {
      // CPU of the server's event loops in this JVM per operation (no-op server, in-JVM Ringlet).
      sink.add(prefix + "server_io_cpu_us_per_op", o.serverIoCpuNanos() / 1000.0 / o.operations(), "us");
    }
  }

  /** Sends, against a real engine, every kind of request the measured runs will send. */
  private void capture(InetSocketAddress address) {
    try (CqlSession session = Sessions.open(List.of(address), "datacenter1", Sessions.Tuning.TESTS)) {
      BenchSchema schema = new BenchSchema(session, CAPTURE_PARTITIONS);
      schema.populate(8);
      for (Workload w : Workload.values()) {
        LoadRunner.Outcome o = LoadRunner.run(schema.op(w), 3, 1, null);
        if (o.errors() > 0) {
          throw new IllegalStateException("capture of " + w.id() + " failed", o.firstError());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
