package dev.ringlet.internal.time;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for deterministic tests of TTLs and timestamps. */
public final class ManualClock implements Clock {

  private final AtomicLong micros;

  public ManualClock(long startMicros) {
    this.micros = new AtomicLong(startMicros);
  }

  @Override
  public long currentTimeMicros() {
    return micros.get();
  }

  public void advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("by: " + by + " (expected: not negative)");
    }
    micros.addAndGet(by.toNanos() / 1000);
  }
}
