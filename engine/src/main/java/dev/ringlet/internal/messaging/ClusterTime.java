package dev.ringlet.internal.messaging;

import dev.ringlet.internal.time.Clock;
import java.util.function.BooleanSupplier;

/**
 * A cluster's clock and the one place its waits happen. With a manual clock a wait ends only when a
 * condition becomes true or the clock is advanced past its deadline, so timeouts never need real
 * waiting; with the system clock waits are timed.
 */
public final class ClusterTime {

  private final Clock clock;
  private final boolean manual;
  private final Object signal = new Object();

  public ClusterTime(Clock clock, boolean manual) {
    this.clock = clock;
    this.manual = manual;
  }

  public Clock clock() {
    return clock;
  }

  public boolean manual() {
    return manual;
  }

  public long nowMillis() {
    return clock.currentTimeMillis();
  }

  /** Wakes every wait to recheck its condition and deadline (after a response, or when the clock moved). */
  public void signal() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /**
   * Waits until {@code done} is true or the clock reaches {@code deadlineMillis}.
   *
   * @return whether {@code done} became true
   */
  public boolean awaitUntil(BooleanSupplier done, long deadlineMillis) {
    synchronized (signal) {
      while (!done.getAsBoolean()) {
        long remaining = deadlineMillis - nowMillis();
        if (remaining <= 0) {
          return done.getAsBoolean();
        }
        try {
          // With a manual clock, only signal() (a response or an advance) can change anything.
          signal.wait(manual ? 0 : remaining);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return done.getAsBoolean();
        }
      }
      return true;
    }
  }
}
