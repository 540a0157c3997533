package dev.ringlet.internal.storage;

/**
 * A row's primary-key liveness (the marker an INSERT writes, so a row exists even with all its
 * columns null): write timestamp, ttl (0 for none) and expiry in seconds.
 */
public record LivenessInfo(long timestamp, int ttl, long expiresAt) {

  public static final LivenessInfo EMPTY = new LivenessInfo(Long.MIN_VALUE, 0, Long.MAX_VALUE);

  public static LivenessInfo of(long timestamp, int ttl, long nowInSeconds) {
    return ttl == 0 ? new LivenessInfo(timestamp, 0, Long.MAX_VALUE) : new LivenessInfo(timestamp, ttl, nowInSeconds + ttl);
  }

  public boolean isEmpty() {
    return timestamp == Long.MIN_VALUE;
  }

  public boolean isExpiring() {
    return ttl > 0;
  }

  public boolean isLive(long nowInSeconds) {
    return !isEmpty() && (ttl == 0 || nowInSeconds < expiresAt);
  }
}
