package dev.ringlet.internal.time;

/**
 * The time source of a node. Write timestamps are microseconds, TTL expiry and tombstone times are
 * seconds, as in Cassandra. Tests use {@link ManualClock} to move time without sleeping.
 */
public interface Clock {

  /** Microseconds since the epoch. */
  long currentTimeMicros();

  /** Milliseconds since the epoch. */
  default long currentTimeMillis() {
    return currentTimeMicros() / 1000;
  }

  /** Whole seconds since the epoch, Cassandra's "now in seconds" for expiry. */
  default long nowInSeconds() {
    return currentTimeMicros() / 1_000_000;
  }

  /** The wall clock. */
  static Clock system() {
    return SystemClock.INSTANCE;
  }
}
