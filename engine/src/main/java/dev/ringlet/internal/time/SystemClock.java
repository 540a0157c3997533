package dev.ringlet.internal.time;

import java.time.Instant;

/** The system's clock, with microsecond resolution where the JDK offers it. */
enum SystemClock implements Clock {
  INSTANCE;

  @Override
  public long currentTimeMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }
}
