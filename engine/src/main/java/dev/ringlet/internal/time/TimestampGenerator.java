package dev.ringlet.internal.time;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Server-side write timestamps: the clock's microseconds, but strictly increasing across calls, as
 * Cassandra's {@code ClientState.getTimestamp()} guarantees, so two writes from one node never tie.
 */
public final class TimestampGenerator {

  private final Clock clock;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  public TimestampGenerator(Clock clock) {
    this.clock = clock;
  }

  public long next() {
    while (true) {
      long now = clock.currentTimeMicros();
      long previous = last.get();
      long candidate = now > previous ? now : previous + 1;
      if (last.compareAndSet(previous, candidate)) {
        return candidate;
      }
    }
  }
}
