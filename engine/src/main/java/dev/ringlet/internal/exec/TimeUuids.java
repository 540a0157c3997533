package dev.ringlet.internal.exec;

import dev.ringlet.internal.time.Clock;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Version-1 (time-based) UUIDs from the node's clock, strictly increasing in time within a node,
 * as {@code now()} returns them.
 */
public final class TimeUuids {

  /** 100-ns intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;

  private final Clock clock;
  private final AtomicLong lastTicks = new AtomicLong();
  /**
   * The clock sequence and node of this generator's UUIDs, random, drawn on the first UUID: a
   * {@code SecureRandom} is the first use of the JCA's providers in a JVM (~60 classes), and every
   * node makes its generators at start. 0 until drawn (a drawn value has its variant bit set).
   */
  private volatile long clockSeqAndNode;

  public TimeUuids(Clock clock) {
    this.clock = clock;
  }

  private long clockSeqAndNode() {
    long drawn = clockSeqAndNode;
    if (drawn == 0) {
      synchronized (this) {
        drawn = clockSeqAndNode;
        if (drawn == 0) {
          SecureRandom random = new SecureRandom();
          long node = random.nextLong() & 0xFFFFFFFFFFFFL | 0x010000000000L; // multicast bit: not a MAC
          long clockSeq = random.nextInt(0x3FFF);
          drawn = 0x8000000000000000L | (clockSeq << 48) | node;
          clockSeqAndNode = drawn;
        }
      }
    }
    return drawn;
  }

  public UUID next() {
    return at(clock.currentTimeMicros());
  }

  /** The next UUID at or after {@code micros} (an event's time), still strictly increasing within the node. */
  public UUID at(long micros) {
    long ticks;
    while (true) {
      long now = micros * 10 + UUID_EPOCH_OFFSET;
      long last = lastTicks.get();
      ticks = now > last ? now : last + 1;
      if (lastTicks.compareAndSet(last, ticks)) {
        break;
      }
    }
    long msb = (ticks << 32) | ((ticks >>> 16) & 0xFFFF0000L) | 0x1000L | ((ticks >>> 48) & 0x0FFFL);
    return new UUID(msb, clockSeqAndNode());
  }
}
