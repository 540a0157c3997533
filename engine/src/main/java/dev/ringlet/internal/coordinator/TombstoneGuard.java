package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TombstoneCount;

/**
 * Counts the live rows and tombstones one read command scans on one replica, across the
 * partitions it reads, and gives up past the failure threshold as Cassandra's read path does.
 */
final class TombstoneGuard {

  private final ReadThresholds thresholds;
  private int liveRows;
  private int tombstones;
  private long lastToken;

  TombstoneGuard(ReadThresholds thresholds) {
    this.thresholds = thresholds;
  }

  /**
   * Counts a partition the read scanned between the slice's bounds ({@code null}: nothing stored).
   *
   * @throws TombstoneOverwhelmingException once more than the failure threshold were scanned
   */
  void scanned(PartitionUpdate raw, dev.ringlet.internal.storage.RowSlice slice, ClusteringComparator comparator,
      long nowInSeconds) {
    if (raw == null) {
      return;
    }
    TombstoneCount.SliceCount counts = TombstoneCount.of(raw, slice, comparator, nowInSeconds);
    liveRows += counts.liveRows();
    tombstones += counts.tombstones();
    lastToken = raw.key().token();
    if (tombstones > thresholds.failTombstones()) {
      // Cassandra throws at the first tombstone past the threshold: that is the count it reports.
      throw new TombstoneOverwhelmingException(thresholds.failTombstones() + 1);
    }
  }

  boolean overWarnThreshold() {
    return tombstones > thresholds.warnTombstones();
  }

  int liveRows() {
    return liveRows;
  }

  int tombstones() {
    return tombstones;
  }

  long lastToken() {
    return lastToken;
  }
}
