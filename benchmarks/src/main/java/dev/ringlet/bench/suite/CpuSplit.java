package dev.ringlet.bench.suite;

import dev.ringlet.bench.report.CpuClock;
import dev.ringlet.bench.report.Stats;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the CPU of a step of the suite goes, client and server sharing this JVM: the driver
 * session's own threads (named after the session, {@code s0-io-0}, {@code s0-admin-0}), the
 * in-JVM server's threads ({@code ringlet-*}), the calling thread (the test's own: class loading and
 * initialisation, building the session, and, for the in-JVM server, its start and resets), and the
 * whole process (the rest is JIT and GC). Thread CPU is what a shared, loaded machine inflates least.
 */
final class CpuSplit {

  private static final String SERVER_THREADS = "ringlet-";

  private final String driverThreads;
  private final List<Double> driver = new ArrayList<>();
  private final List<Double> server = new ArrayList<>();
  private final List<Double> process = new ArrayList<>();
  private final List<Double> caller = new ArrayList<>();
  private final List<Double> classes = new ArrayList<>();
  private long driver0;
  private long server0;
  private long process0;
  private long caller0;
  private long classes0;

  /** @param sessionName the driver session's name, which prefixes its threads' names */
  CpuSplit(String sessionName) {
    this.driverThreads = sessionName + "-";
  }

  void begin() {
    classes0 = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    process0 = CpuClock.processNanos();
    driver0 = CpuClock.threadsNanos(driverThreads);
    server0 = CpuClock.threadsNanos(SERVER_THREADS);
    caller0 = CpuClock.threadNanos();
  }

  void end() {
    long t = CpuClock.threadNanos();
    long s = CpuClock.threadsNanos(SERVER_THREADS);
    long d = CpuClock.threadsNanos(driverThreads);
    long p = CpuClock.processNanos();
    long c = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    server.add(Stats.millis(s - server0));
    driver.add(Stats.millis(d - driver0));
    process.add(Stats.millis(p - process0));
    caller.add(Stats.millis(t - caller0));
    classes.add((double) (c - classes0));
  }

  List<Double> driver() {
    return driver;
  }

  List<Double> server() {
    return server;
  }

  List<Double> process() {
    return process;
  }

  /** The calling thread's CPU: {@link #begin} and {@link #end} must run on the same thread. */
  List<Double> caller() {
    return caller;
  }

  List<Double> classes() {
    return classes;
  }

  static double sum(List<Double> samples) {
    return samples.stream().mapToDouble(Double::doubleValue).sum();
  }
}
