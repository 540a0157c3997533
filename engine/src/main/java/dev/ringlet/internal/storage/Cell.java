package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;

/**
 * One column value with its write timestamp (microseconds). An expiring cell has a {@code ttl}
 * (seconds) and {@code localDeletionTime} = its expiry (seconds); a tombstone has no value and
 * {@code localDeletionTime} = when it was deleted; a regular cell has {@link #NO_DELETION_TIME}. A
 * counter cell's value is a {@link CounterContext}; two live counter cells merge their contexts.
 */
public record Cell(ByteBuffer value, long timestamp, int ttl, long localDeletionTime, boolean counter) {

  public static final long NO_DELETION_TIME = Long.MAX_VALUE;

  public static Cell live(ByteBuffer value, long timestamp) {
    return new Cell(value, timestamp, 0, NO_DELETION_TIME, false);
  }

  /** A cell that expires {@code ttl} seconds after {@code nowInSeconds}; a ttl of 0 never expires. */
  public static Cell expiring(ByteBuffer value, long timestamp, int ttl, long nowInSeconds) {
    return ttl == 0 ? live(value, timestamp) : new Cell(value, timestamp, ttl, nowInSeconds + ttl, false);
  }

  public static Cell tombstone(long timestamp, long nowInSeconds) {
    return new Cell(null, timestamp, 0, nowInSeconds, false);
  }

  /** A counter increment (negative: decrement) not yet applied by a leader replica. */
  public static Cell counterDelta(long delta, long timestamp) {
    return counter(CounterContext.ofDelta(delta), timestamp);
  }

  /** A counter cell holding {@code context}. */
  public static Cell counter(CounterContext context, long timestamp) {
    return new Cell(context.encode(), timestamp, 0, NO_DELETION_TIME, true);
  }

  /** A live counter cell's context. */
  public CounterContext counterContext() {
    return CounterContext.decode(value);
  }

  public boolean isTombstone() {
    return value == null;
  }

  public boolean isExpiring() {
    return value != null && ttl > 0;
  }

  /** Live: a value that has not expired at {@code nowInSeconds}. */
  public boolean isLive(long nowInSeconds) {
    return value != null && (ttl == 0 || nowInSeconds < localDeletionTime);
  }

  /** Seconds left to live at {@code nowInSeconds}, or 0 for a cell that does not expire. */
  public int remainingTtl(long nowInSeconds) {
    return ttl == 0 ? 0 : (int) Math.max(0, localDeletionTime - nowInSeconds);
  }
}
