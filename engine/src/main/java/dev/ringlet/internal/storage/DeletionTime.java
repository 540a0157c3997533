package dev.ringlet.internal.storage;

/**
 * A deletion: data written at or before {@code markedForDeleteAt} (microseconds) is deleted;
 * {@code localDeletionTime} (seconds) is when the deletion happened, for gc_grace_seconds.
 */
public record DeletionTime(long markedForDeleteAt, long localDeletionTime) implements Comparable<DeletionTime> {

  /** No deletion at all. */
  public static final DeletionTime LIVE = new DeletionTime(Long.MIN_VALUE, Long.MAX_VALUE);

  public boolean isLive() {
    return markedForDeleteAt == Long.MIN_VALUE;
  }

  /** Whether data with this write timestamp is shadowed by the deletion. */
  public boolean deletes(long timestamp) {
    return timestamp <= markedForDeleteAt;
  }

  /** The stronger of two deletions (later timestamp; on a tie, later local time, as Cassandra). */
  public static DeletionTime max(DeletionTime a, DeletionTime b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  @Override
  public int compareTo(DeletionTime o) {
    int c = Long.compare(markedForDeleteAt, o.markedForDeleteAt);
    return c != 0 ? c : Long.compare(localDeletionTime, o.localDeletionTime);
  }
}
