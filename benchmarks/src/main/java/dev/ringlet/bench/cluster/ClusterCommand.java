package dev.ringlet.bench.cluster;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.bench.driver.Sessions;
import dev.ringlet.bench.load.LoadRunner;
import dev.ringlet.bench.report.CpuClock;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.report.Stats;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * In-JVM multi-node clusters: a 3-node cluster ({@code 3}) and a 6-node one over two datacenters
 * ({@code 3+3}: {@code dc1:3, dc2:3}). For each shape: the first cluster of that shape in this JVM
 * and the median of {@code later} more, from {@code Ringlet.start()} to its return ("ready") and to
 * a connected driver session that has answered a first query ("session"); the heap each node
 * retains, idle, after a full GC; and, for the shapes asked, prepared INSERT and SELECT by key at
 * replication factor 3 per datacenter and QUORUM, {@code concurrency} in flight: ops/s, latency
 * percentiles, CPU of the whole JVM per op and of the server's threads per op (every {@code ringlet-}
 * thread: event loops, the clusters' request pools, gossip). Run it in a fresh JVM: only then is the
 * first 3-node cluster the JVM's first (the 6-node "first" comes after it, its classes loaded).
 */
public final class ClusterCommand {

  /** Every thread a Ringlet cluster in this JVM runs its work on. */
  static final String SERVER_THREADS = "ringlet-";

  /** A cluster layout, its id in metric names, and the replication of its benchmark keyspace. */
  public enum Shape {
    THREE("3", "3 nodes", "{'class': 'SimpleStrategy', 'replication_factor': 3}"),
    THREE_PLUS_THREE("3+3", "6 nodes in 2 DCs (dc1:3, dc2:3)", "{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 3}");

    private final String id;
    private final String description;
    private final String replication;

    Shape(String id, String description, String replication) {
      this.id = id;
      this.description = description;
      this.replication = replication;
    }

    public String id() {
      return id;
    }

    ClusterSpec spec() {
      return this == THREE ? ClusterSpec.defaults().withNodes(3)
          : ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 3), DatacenterSpec.of("dc2", 3));
    }

    int nodes() {
      return this == THREE ? 3 : 6;
    }

    /** {@code 3} or {@code 3+3}. */
    public static Shape parse(String id) {
      for (Shape s : values()) {
        if (s.id.equals(id.trim())) {
          return s;
        }
      }
      throw new IllegalArgumentException("shape: " + id + " (expected: 3 or 3+3)");
    }
  }

  /**
   * @param later clusters of each shape after the first, for the medians
   * @param heapClusters idle clusters of each shape held open at once for the heap measurement
   * @param loadShapes the shapes to load (none: start-up and heap only)
   */
  public record Options(int later, int heapClusters, List<Shape> loadShapes, int requests, int warmup, int concurrency,
      int partitions) {
    public Options {
      loadShapes = List.copyOf(loadShapes);
    }
  }

  private static final String VALUE = "v".repeat(64);

  private final Options options;
  private final ResultSink sink;

  public ClusterCommand(Options options, ResultSink sink) {
    this.options = options;
    this.sink = sink;
  }

  public void run() throws InterruptedException {
    for (Shape shape : Shape.values()) {
      startups(shape);
    }
    for (Shape shape : Shape.values()) {
      heap(shape);
    }
    for (Shape shape : options.loadShapes()) {
      load(shape);
    }
  }

  private void startups(Shape shape) {
    String prefix = "cluster/" + shape.id() + "/";
    double[] first = startOnce(shape);
    sink.add(prefix + "first/ready_ms", first[0], "ms");
    sink.add(prefix + "first/session_ms", first[1], "ms");
    List<Double> ready = new ArrayList<>();
    List<Double> session = new ArrayList<>();
    for (int i = 0; i < options.later(); i++) {
      double[] t = startOnce(shape);
      ready.add(t[0]);
      session.add(t[1]);
    }
    if (!ready.isEmpty()) {
      sink.add(prefix + "later/ready_ms", Stats.median(ready), "ms");
      sink.add(prefix + "later/session_ms", Stats.median(session), "ms");
    }
  }

  /** Milliseconds from the start to {@code Ringlet.start()} returning, and to a session's first answer. */
  private static double[] startOnce(Shape shape) {
    long t0 = System.nanoTime();
    try (RingletCluster cluster = Ringlet.start(shape.spec())) {
      long t1 = System.nanoTime();
      try (CqlSession session = Sessions.open(cluster.contactPoints(), cluster.localDatacenter(), Sessions.Tuning.TESTS)) {
        session.execute("SELECT release_version FROM system.local");
        long t2 = System.nanoTime();
        return new double[] {Stats.millis(t1 - t0), Stats.millis(t2 - t0)};
      }
    }
  }

  private void heap(Shape shape) throws InterruptedException {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    List<RingletCluster> clusters = new ArrayList<>();
    try {
      for (int i = 0; i < options.heapClusters(); i++) {
        clusters.add(Ringlet.start(shape.spec()));
      }
      long after = usedAfterGc(memory);
      int nodes = options.heapClusters() * shape.nodes();
      sink.add("cluster/" + shape.id() + "/heap_per_idle_node_mb", (after - before) / (double) nodes / (1024 * 1024), "MB");
    } finally {
      clusters.forEach(RingletCluster::close);
    }
  }

  private void load(Shape shape) throws InterruptedException {
    try (RingletCluster cluster = Ringlet.start(shape.spec());
        CqlSession session = Sessions.open(cluster.contactPoints(), cluster.localDatacenter(), Sessions.Tuning.TESTS)) {
      session.execute("CREATE KEYSPACE ringlet_cluster_bench WITH replication = " + shape.replication);
      session.execute("CREATE TABLE ringlet_cluster_bench.kv (k bigint PRIMARY KEY, v text)");
      PreparedStatement insert = session.prepare("INSERT INTO ringlet_cluster_bench.kv (k, v) VALUES (?, ?)");
      PreparedStatement select = session.prepare("SELECT v FROM ringlet_cluster_bench.kv WHERE k = ?");
      int partitions = options.partitions();
      LoadRunner.run(i -> session.executeAsync(insert.bind(i, VALUE).setConsistencyLevel(ConsistencyLevel.QUORUM)),
          partitions, options.concurrency(), null);
      LoadRunner.Op inserts = i -> session.executeAsync(
          insert.bind(random(partitions), VALUE).setConsistencyLevel(ConsistencyLevel.QUORUM));
      LoadRunner.Op selects = i -> session.executeAsync(
          select.bind(random(partitions)).setConsistencyLevel(ConsistencyLevel.QUORUM)).thenApply(rs -> {
            if (rs.one() == null) {
              throw new IllegalStateException("a populated key read no row at QUORUM");
            }
            return rs;
          });
      measure(shape, "insert", inserts);
      measure(shape, "select", selects);
    }
  }

  private static long random(int partitions) {
    return ThreadLocalRandom.current().nextInt(partitions);
  }

  private void measure(Shape shape, String workload, LoadRunner.Op op) throws InterruptedException {
    int c = options.concurrency();
    LoadRunner.run(op, options.warmup(), c, null);
    Histogram h = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
    long server0 = CpuClock.threadsNanos(SERVER_THREADS);
    LoadRunner.Outcome o = LoadRunner.run(op, options.requests(), c, h);
    long serverCpu = CpuClock.threadsNanos(SERVER_THREADS) - server0;
    System.out.printf(Locale.ROOT, "cluster %-3s %-6s QUORUM in-flight=%-4d ops=%-7d errors=%-5d %9.0f ops/s  p50=%6d us"
            + "  p90=%6d us  p99=%6d us  p99.9=%6d us  cpu/op=%5.1f us  server-cpu/op=%5.1f us  server-io-cpu/op=%5.1f us%n",
        shape.id(), workload, c, o.operations(), o.errors(), o.opsPerSecond(), h.getValueAtPercentile(50),
        h.getValueAtPercentile(90), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
        o.processCpuNanos() / 1000.0 / o.operations(), serverCpu / 1000.0 / o.operations(),
        o.serverIoCpuNanos() / 1000.0 / o.operations());
    if (o.firstError() != null) {
      System.out.println("  first error: " + o.firstError());
    }
    String p = "cluster/" + shape.id() + "/load/" + workload + "/c" + c + "/";
    sink.add(p + "ops_per_s", o.opsPerSecond(), "ops/s");
    sink.add(p + "p50_us", h.getValueAtPercentile(50), "us");
    sink.add(p + "p90_us", h.getValueAtPercentile(90), "us");
    sink.add(p + "p99_us", h.getValueAtPercentile(99), "us");
    sink.add(p + "p999_us", h.getValueAtPercentile(99.9), "us");
    sink.add(p + "errors", o.errors(), "count");
    sink.add(p + "jvm_cpu_us_per_op", o.processCpuNanos() / 1000.0 / o.operations(), "us");
    sink.add(p + "server_cpu_us_per_op", serverCpu / 1000.0 / o.operations(), "us");
    sink.add(p + "server_io_cpu_us_per_op", o.serverIoCpuNanos() / 1000.0 / o.operations(), "us");
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
