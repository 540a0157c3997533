package dev.ringlet.internal.storage;

import java.util.Iterator;

/**
 * The storage seam: what the executor needs from one table's data. The in-memory implementation is
 * {@link MemoryTableStore}; the log-structured engine plugs in behind the same interface.
 */
public interface TableStore {

  /** Applies one partition's update atomically. */
  void apply(PartitionUpdate update);

  /** The partition as seen at {@code nowInSeconds}; empty (never null) when it has no live data. */
  LivePartition read(DecoratedKey key, long nowInSeconds);

  /**
   * Partitions in token order starting at {@code from} (inclusive when {@code inclusive}), or
   * from the first one when {@code from} is null. Partitions with no live data are skipped.
   */
  Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds);

  /**
   * The partition exactly as stored, tombstones and timestamps included, as one update that
   * recreates it when applied to an empty store; null when the store has nothing for the key.
   * Replicas answer data reads with this so a coordinator can reconcile and repair.
   */
  PartitionUpdate readRaw(DecoratedKey key);

  /**
   * {@link #readRaw} with only the rows between the bounds (in clustering order); the partition
   * deletion, the range tombstones and the static row whole. What a replica answers a read of a
   * slice with, and what counting a read's tombstones walks. The default reads the whole partition and
   * cuts it.
   */
  default PartitionUpdate readRawSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator comparator) {
    PartitionUpdate whole = readRaw(key);
    if (whole == null) {
      return null;
    }
    java.util.List<RowUpdate> rows = new java.util.ArrayList<>();
    for (RowUpdate r : whole.rows()) {
      if (comparator.contains(start, end, r.clustering())) {
        rows.add(r);
      }
    }
    return new PartitionUpdate(key, whole.partitionDeletion(), whole.rangeTombstones(), whole.staticRow(), rows);
  }

  /**
   * {@link #readRawSlice} for a command that reads only the rows {@code names} (a names filter, in
   * clustering order) within the bounds: the same answer; a store that records how it was read (a
   * traced one) tells the two kinds apart, as 5.0's replica reads them differently.
   * {@link ForwardingTableStore} does not forward it: a wrapper's own {@link #readRawSlice} runs.
   */
  default PartitionUpdate readRawNames(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator comparator, java.util.List<Clustering> names) {
    return readRawSlice(key, start, end, comparator);
  }

  /** Like {@link #scan}, but each partition exactly as stored ({@link #readRaw}), deleted ones included. */
  Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive);

  /** Removes every partition. */
  void truncate();

  /** ALTER TABLE DROP: forgets the column's cells written at or before {@code timestampMicros}. */
  void dropColumn(String column, long timestampMicros);

  /**
   * The partition at {@code nowInSeconds} with only the rows the slice selects (the static row
   * always): between its bounds, in clustering order or reversed, at most its limit of live rows. A
   * store may read only the parts of the partition the slice needs; the default reads the whole
   * partition and cuts it.
   */
  default LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator comparator, long nowInSeconds) {
    return slice.of(read(key, nowInSeconds), comparator);
  }

  /** {@link #readSlice(DecoratedKey, RowSlice, ClusteringComparator, long)} of every row between the bounds. */
  default LivePartition readSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      boolean reversed, ClusteringComparator comparator, long nowInSeconds) {
    return readSlice(key, RowSlice.between(start, end, reversed), comparator, nowInSeconds);
  }

  /**
   * {@link #scan(DecoratedKey, boolean, long)} with each partition cut to the rows between the
   * slice's bounds (its direction and limit are ignored: scans walk clustering order); partitions
   * left with nothing are skipped. A store may read only those rows; the default cuts.
   */
  default Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, RowSlice slice, ClusteringComparator comparator,
      long nowInSeconds) {
    Iterator<LivePartition> all = scan(from, inclusive, nowInSeconds);
    if (slice.start().prefix().size() == 0 && slice.end().prefix().size() == 0) {
      return all;
    }
    RowSlice bounds = RowSlice.between(slice.start(), slice.end(), false);
    return NonEmptyPartitions.of(() -> all, p -> bounds.of(p, comparator));
  }
}
