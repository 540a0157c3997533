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
   * Counts a partition the read scanned within the slice (its bounds and limit; {@code raw} null:
   * nothing stored, {@code slice} null: not read), and says how many live rows it read.
   *
   * @throws TombstoneOverwhelmingException once more than the failure threshold were scanned
   */
  int scanned(PartitionUpdate raw, dev.ringlet.internal.storage.RowSlice slice, ClusteringComparator comparator,
      long nowInSeconds) {
    return scanned(raw, slice, null, comparator, nowInSeconds);
  }

  /** As above, reading only the rows {@code names} (null: the slice's), as a names filter does. */
  int scanned(PartitionUpdate raw, dev.ringlet.internal.storage.RowSlice slice,
      java.util.List<dev.ringlet.internal.storage.Clustering> names, ClusteringComparator comparator, long nowInSeconds) {
    if (raw == null || slice == null) {
      return 0;
    }
    TombstoneCount.SliceCount counts = ScanCounter.count(raw, slice, names, comparator, nowInSeconds);
    int before = tombstones;
    liveRows += counts.liveRows();
    tombstones += counts.tombstones();
    lastToken = raw.key().token();
    if (tombstones > thresholds.failTombstones()) {
      // Cassandra throws at the first tombstone past the threshold: that is the count it reports.
      int read = liveRows - counts.liveRows() + counts.liveRowsWithin(thresholds.failTombstones() - before);
      throw new TombstoneOverwhelmingException(thresholds.failTombstones() + 1, read, lastToken);
    }
    return counts.liveRows();
  }

  /**
   * Counts what a filtered read scanned of the partition with this token.
   *
   * @throws TombstoneOverwhelmingException once more than the failure threshold were scanned
   */
  void scanned(long token, TombstoneCount.Counts counts) {
    liveRows += counts.liveRows();
    tombstones += counts.tombstones();
    lastToken = token;
    if (tombstones > thresholds.failTombstones()) {
      throw new TombstoneOverwhelmingException(thresholds.failTombstones() + 1, liveRows, token);
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
