package dev.ringlet.bench.load;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.bench.driver.Sessions;
import dev.ringlet.bench.report.ResultSink;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetric;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A soak: in-JVM Ringlet under sustained mixed load (prepared inserts, point reads, slices, paged
 * scans and logged batches over a fixed set of keys, so the data stays the same size) for a number
 * of minutes. After each sampling period the load pauses, the JVM is collected ({@code System.gc()})
 * and the heap then in use is recorded, with Netty's pooled buffers of this JVM (server and driver)
 * and the period's throughput and latency. Memory is bounded when the heap after GC stops growing:
 * the report gives the slope of a least-squares line through the samples after the first quarter of
 * the run (warm-up: memtables filling, the first flushes and compactions) and judges it bounded when
 * that line rises by less than 10 % of the mean heap (or 2 MB) over the window.
 *
 * <p>What it cannot see: requests queued inside the server (the closed loop caps what is in flight
 * at the concurrency), and growth slower than the run can show.
 */
public final class SoakCommand {

  /** The mix, one slot per operation in turn: 8 inserts, 6 point reads, 3 slices, 1 paged scan, 2 batches. */
  private static final List<Workload> MIX = mix();

  private final int minutes;
  private final int concurrency;
  private final int partitions;
  private final int sampleSeconds;
  private final ResultSink sink;

  public SoakCommand(int minutes, int concurrency, int partitions, int sampleSeconds, ResultSink sink) {
    this.minutes = minutes;
    this.concurrency = concurrency;
    this.partitions = partitions;
    this.sampleSeconds = sampleSeconds;
    this.sink = sink;
  }

  private static List<Workload> mix() {
    List<Workload> m = new ArrayList<>();
    add(m, Workload.INSERT, 8);
    add(m, Workload.SELECT, 6);
    add(m, Workload.SLICE, 3);
    add(m, Workload.SCAN, 1);
    add(m, Workload.BATCH, 2);
    return List.copyOf(m);
  }

  private static void add(List<Workload> m, Workload w, int n) {
    for (int i = 0; i < n; i++) {
      m.add(w);
    }
  }

  /** One sample: after {@code minute} minutes of load. */
  record Sample(double minute, long operations, long errors, double opsPerSecond, long p50Micros, long p99Micros,
      double heapAfterGcMb, double nettyDirectMb, double nettyHeapMb, long gcCount, long gcMillis, double serverIoCpuMicrosPerOp) {}

  public void run() throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Sample> samples = new ArrayList<>();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = Sessions.open(cluster.contactPoints(), cluster.localDatacenter(), Sessions.Tuning.TESTS)) {
      BenchSchema schema = new BenchSchema(session, partitions);
      schema.populate(concurrency);
      List<LoadRunner.Op> ops = new ArrayList<>();
      for (Workload w : MIX) {
        ops.add(schema.op(w));
      }
      LoadRunner.Op mixed = i -> ops.get((int) (i % ops.size())).start(i);
      samples.add(sample(0, null, memory));
      print(samples.get(0));
      long begin = System.nanoTime();
      long periodNanos = TimeUnit.SECONDS.toNanos(sampleSeconds);
      long periods = Math.max(1, TimeUnit.MINUTES.toNanos(minutes) / periodNanos);
      for (long p = 1; p <= periods; p++) {
        Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
        LoadRunner.Outcome o = LoadRunner.runUntil(mixed, begin + p * periodNanos, concurrency, latencies);
        Sample s = sample((System.nanoTime() - begin) / 6e10, o, memory);
        samples.add(s);
        print(s);
        if (o.firstError() != null) {
          System.out.println("  first error: " + o.firstError());
        }
      }
    }
    report(samples);
  }

  private Sample sample(double minute, LoadRunner.Outcome o, MemoryMXBean memory) throws InterruptedException {
    double heap = usedAfterGc(memory) / (1024.0 * 1024);
    double direct = -1;
    double pooledHeap = -1;
    if (ByteBufAllocator.DEFAULT instanceof ByteBufAllocatorMetricProvider provider) {
      ByteBufAllocatorMetric metric = provider.metric();
      direct = metric.usedDirectMemory() / (1024.0 * 1024);
      pooledHeap = metric.usedHeapMemory() / (1024.0 * 1024);
    }
    long gcCount = 0;
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcCount += Math.max(0, gc.getCollectionCount());
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    if (o == null) {
      return new Sample(minute, 0, 0, 0, 0, 0, heap, direct, pooledHeap, gcCount, gcMillis, 0);
    }
    Histogram h = o.latencyMicros();
    return new Sample(minute, o.operations(), o.errors(), o.opsPerSecond(), h.getValueAtPercentile(50),
        h.getValueAtPercentile(99), heap, direct, pooledHeap, gcCount, gcMillis,
        o.serverIoCpuNanos() / 1000.0 / Math.max(1, o.operations()));
  }

  private static void print(Sample s) {
    System.out.printf(Locale.ROOT, "minute %5.1f  ops=%-8d errors=%-4d %8.0f ops/s  p50=%6d us  p99=%6d us  heap after GC=%7.1f MB"
            + "  netty used direct=%6.1f MB heap=%6.1f MB  GCs=%-6d GC time=%6d ms  server-io-cpu/op=%5.1f us%n",
        s.minute(), s.operations(), s.errors(), s.opsPerSecond(), s.p50Micros(), s.p99Micros(), s.heapAfterGcMb(),
        s.nettyDirectMb(), s.nettyHeapMb(), s.gcCount(), s.gcMillis(), s.serverIoCpuMicrosPerOp());
  }

  private void report(List<Sample> samples) {
    List<Sample> measured = samples.subList(1, samples.size());
    long ops = 0;
    long errors = 0;
    double seconds = 0;
    for (Sample s : measured) {
      ops += s.operations();
      errors += s.errors();
      seconds += s.operations() / Math.max(1e-9, s.opsPerSecond());
    }
    List<Sample> window = window(samples);
    double slope = HeapTrend.slope(window.stream().mapToDouble(Sample::minute).toArray(),
        window.stream().mapToDouble(Sample::heapAfterGcMb).toArray());
    double mean = window.stream().mapToDouble(Sample::heapAfterGcMb).average().orElse(Double.NaN);
    double span = window.get(window.size() - 1).minute() - window.get(0).minute();
    boolean bounded = HeapTrend.bounded(slope, span, mean);
    sink.add("soak/minutes", samples.get(samples.size() - 1).minute(), "min");
    sink.add("soak/concurrency", concurrency, "in flight");
    sink.add("soak/ops_per_s", ops / Math.max(1e-9, seconds), "ops/s");
    sink.add("soak/errors", errors, "count");
    sink.add("soak/p99_us_worst_period", measured.stream().mapToLong(Sample::p99Micros).max().orElse(0), "us");
    sink.add("soak/heap_after_gc_window_first_mb", window.get(0).heapAfterGcMb(), "MB");
    sink.add("soak/heap_after_gc_window_last_mb", window.get(window.size() - 1).heapAfterGcMb(), "MB");
    sink.add("soak/heap_after_gc_max_mb", samples.stream().mapToDouble(Sample::heapAfterGcMb).max().orElse(0), "MB");
    sink.add("soak/heap_after_gc_slope_mb_per_min", slope, "MB/min");
    sink.add("soak/heap_bounded", bounded ? 1 : 0, "1 = yes");
    System.out.printf(Locale.ROOT, "soak: heap after GC from minute %.1f to %.1f: %.1f -> %.1f MB, slope %.3f MB/min, mean %.1f MB:"
            + " %s%n", window.get(0).minute(), window.get(window.size() - 1).minute(), window.get(0).heapAfterGcMb(),
        window.get(window.size() - 1).heapAfterGcMb(), slope, mean, bounded ? "bounded" : "GROWING");
  }

  /** The samples after the first quarter of the run (at least the last two). */
  private static List<Sample> window(List<Sample> samples) {
    double end = samples.get(samples.size() - 1).minute();
    List<Sample> w = new ArrayList<>();
    for (Sample s : samples) {
      if (s.minute() > end / 4) {
        w.add(s);
      }
    }
    return w.size() >= 2 ? w : samples.subList(Math.max(0, samples.size() - 2), samples.size());
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
