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

  /**
   * CPU nanoseconds used so far by the live threads whose name starts with {@code prefix} (for
   * example the server event loops {@code ringlet-io-}); a thread that ended is no longer counted.
   */
  public static long threadsNanos(String prefix) {
    long total = 0;
    for (java.lang.management.ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(prefix)) {
        long cpu = THREADS.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          total += cpu;
        }
      }
    }
    return total;
  }

  /** CPU nanoseconds used by the calling thread so far. */
  public static long threadNanos() {
    return THREADS.getCurrentThreadCpuTime();
  }
}
