package dev.ringlet.driver.wait;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The one bounded wait of the engine's test trees ({@code src/test}, {@code src/driver-test},
 * {@code src/it}), for a condition that only polling can observe: state another party keeps on its
 * own threads with no event to listen to (the Java driver's token map and connection pools,
 * processes in other JVMs, a membership count over TCP).
 *
 * <p>Where an event exists, wait for the event instead: {@link DriverNodeStates} for the driver's
 * UP/DOWN/added/removed, a {@code CompletableFuture}, {@code LocalCluster.awaitHeldMessages}.
 *
 * <p>The condition is rechecked every millisecond (a pause between checks, never a fixed sleep
 * standing for the wait itself) and the wait fails after {@link #TIMEOUT}, naming what it waited for.
 */
public final class Await {

  /** How long a condition may take: generous for a loaded machine, reached only by a failing test. */
  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  private Await() {}

  /** Returns once {@code condition} holds; fails after {@link #TIMEOUT} (the stack trace names the caller's line). */
  public static void until(BooleanSupplier condition) {
    until("condition", TIMEOUT, condition);
  }

  /** Returns once {@code condition} holds; fails after {@code timeout} (processes in other JVMs may need longer). */
  public static void until(Duration timeout, BooleanSupplier condition) {
    until("condition", timeout, condition);
  }

  /** Returns once {@code condition} holds; fails after {@link #TIMEOUT}. */
  public static void until(String what, BooleanSupplier condition) {
    until(what, TIMEOUT, condition);
  }

  /** Returns once {@code condition} holds; fails after {@code timeout}. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(what + ": not within " + timeout);
      }
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError(what + ": interrupted");
      }
      LockSupport.parkNanos(PAUSE_NANOS);
    }
  }
}
