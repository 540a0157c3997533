package dev.ringlet.bench.startup;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.bench.driver.Sessions;
import dev.ringlet.bench.report.CpuClock;
import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.bench.report.Stats;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up of embedded clusters: the first one in this (fresh) JVM, then {@code later} more. For each:
 * {@code Ringlet.start()} until it returns (drivers can connect), and until a driver session is
 * connected (which includes the driver's own start: its metadata queries, and for the first session
 * loading its classes). Run it in a fresh JVM each time: only then is "first" the first.
 *
 * <p>To measure what applications get, put the published engine jar (Netty relocated inside it, with
 * Ringlet's deferred logger factory) ahead of this jar, whose engine classes are the unshaded ones
 * sharing the driver's Netty: {@code java -cp engine/target/ringlet-engine-<version>.jar:ringlet-benchmarks.jar
 * dev.ringlet.bench.BenchMain startup} ({@code tools/bench.sh} does). Run from this jar alone, the start
 * uses the application's Netty, whose first logger initialises the logging backend (logback here).
 */
public final class StartupCommand {

  private final int later;
  private final boolean phases;
  private final ResultSink sink;

  /** @param phases measure {@link StartupPhases}' time line of the first start instead */
  public StartupCommand(int later, boolean phases, ResultSink sink) {
    this.later = later;
    this.phases = phases;
    this.sink = sink;
  }

  /** One session with the driver's default configuration: how long its close() blocks. */
  private static double closeWithDriverDefaults() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults())) {
      CqlSession session = Sessions.open(cluster.contactPoints(), cluster.localDatacenter(), Sessions.Tuning.DEFAULTS);
      long c0 = System.nanoTime();
      session.close();
      return Stats.millis(System.nanoTime() - c0);
    }
  }

  public void run() {
    if (phases) {
      new StartupPhases(sink).run();
      return;
    }
    long mainEntered = System.currentTimeMillis();
    long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    long cpu0 = CpuClock.threadNanos();
    long processCpu0 = CpuClock.processNanos();
    java.lang.management.ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    long classes0 = classes.getTotalLoadedClassCount();
    long t0 = System.nanoTime();
    RingletCluster first = Ringlet.start(ClusterSpec.defaults());
    long t1 = System.nanoTime();
    long cpu1 = CpuClock.threadNanos();
    long processCpu1 = CpuClock.processNanos();
    long classes1 = classes.getTotalLoadedClassCount();
    long readyWallClock = System.currentTimeMillis();
    try (CqlSession session = Sessions.open(first.contactPoints(), first.localDatacenter(), Sessions.Tuning.TESTS)) {
      long t2 = System.nanoTime();
      session.execute("SELECT release_version FROM system.local");
      long t3 = System.nanoTime();
      sink.add("startup/first/jvm_to_main_ms", mainEntered - jvmStart, "ms");
      sink.add("startup/first/jvm_to_ready_ms", readyWallClock - jvmStart, "ms");
      sink.add("startup/first/ready_ms", Stats.millis(t1 - t0), "ms");
      sink.add("startup/first/ready_cpu_calling_thread_ms", Stats.millis(cpu1 - cpu0), "ms");
      sink.add("startup/first/ready_cpu_process_ms", Stats.millis(processCpu1 - processCpu0), "ms");
      sink.add("startup/first/ready_classes_loaded", classes1 - classes0, "classes");
      sink.add("startup/first/session_ms", Stats.millis(t2 - t0), "ms");
      sink.add("startup/first/first_query_ms", Stats.millis(t3 - t0), "ms");
    } finally {
      first.close();
    }
    List<Double> ready = new ArrayList<>();
    List<Double> connected = new ArrayList<>();
    List<Double> closed = new ArrayList<>();
    for (int i = 0; i < later; i++) {
      long s0 = System.nanoTime();
      try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults())) {
        long s1 = System.nanoTime();
        CqlSession session = Sessions.open(cluster.contactPoints(), cluster.localDatacenter(), Sessions.Tuning.TESTS);
        long s2 = System.nanoTime();
        session.close();
        long s3 = System.nanoTime();
        ready.add(Stats.millis(s1 - s0));
        connected.add(Stats.millis(s2 - s0));
        closed.add(Stats.millis(s3 - s2));
      }
    }
    if (later > 0) {
      sink.add("startup/later/ready_ms", Stats.median(ready), "ms");
      sink.add("startup/later/session_ms", Stats.median(connected), "ms");
      sink.add("startup/later/session_close_ms", Stats.median(closed), "ms");
      sink.add("startup/later/session_close_default_driver_ms", closeWithDriverDefaults(), "ms");
    }
  }
}
