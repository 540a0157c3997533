package dev.ringlet.wire.internal;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition on real I/O, the way Awaitility does: short polls, a hard deadline. */
final class Poll {

  private static final Duration DEADLINE = Duration.ofSeconds(10);
  private static final long INTERVAL_NANOS = Duration.ofMillis(2).toNanos();

  private Poll() {}

  static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("not true within " + DEADLINE + ": " + what);
      }
      LockSupport.parkNanos(INTERVAL_NANOS);
    }
  }
}
