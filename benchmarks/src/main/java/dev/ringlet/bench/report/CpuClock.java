package dev.ringlet.bench.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time, which a busy shared machine inflates far less than wall time: of this whole process
 * (every thread: driver, servers in this JVM, JIT, GC) and of the calling thread.
 */
public final class CpuClock {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private CpuClock() {}

  /** CPU nanoseconds used by this process so far, or -1 when the JVM cannot tell. */
  public static long processNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return -1;
  }

  /** CPU nanoseconds used by the calling thread so far. */
  public static long threadNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
