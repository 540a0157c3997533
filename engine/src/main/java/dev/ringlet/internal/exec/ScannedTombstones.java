package dev.ringlet.internal.exec;

import dev.ringlet.internal.storage.DecoratedKey;

/**
 * A request's table source that counts what its reads scan on the coordinator's own replica, one
 * read command at a time, for the warning Cassandra attaches to the answer past
 * {@code tombstone_warn_threshold}. The executor says where each command ends (a named partition
 * is one command, a scan another) and where it stopped reading a partition early, as Cassandra's
 * read stops right after the row that fills its limit.
 */
public interface ScannedTombstones {

  /**
   * The request's single-partition reads read only these rows (in clustering order; null: the
   * slices they are given), as Cassandra's names filter does when every clustering column is
   * restricted by {@code =} or {@code IN}.
   */
  void readOnly(java.util.List<dev.ringlet.internal.storage.Clustering> names);

  /**
   * The request's scan resumes a page inside the partition {@code key}, after its row
   * {@code clustering}: as 5.0's paged range command, it reads that partition only from there, so
   * the rows before are not scanned again ({@code clustering} null: the page starts after that
   * partition, which is not read at all).
   */
  default void resumesAfter(DecoratedKey key, dev.ringlet.internal.storage.Clustering clustering) {
  }

  /**
   * The request's scan stops after {@code limit} live rows, at most {@code perPartitionLimit} of
   * each partition (told only when every row the scan reads is returned: no row filter), so its
   * replicas stop counting there as 5.0's range command stops reading.
   */
  default void scanLimits(int limit, int perPartitionLimit) {
  }

  /** The executor used only the first {@code liveRows} live rows of the partition it read last. */
  void stoppedAfter(DecoratedKey key, int liveRows);

  /** Ends the current read command: what it scanned when that is over the warning threshold, else null. */
  Scanned endCommand();

  /** What one read command scanned: live rows, tombstones, and the token of the last partition read. */
  record Scanned(int liveRows, int tombstones, long lastToken) {}
}
