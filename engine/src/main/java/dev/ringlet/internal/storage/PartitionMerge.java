package dev.ringlet.internal.storage;

import java.util.List;

/**
 * Versions of one partition from several sources (memtables, SSTables) merged with Cassandra's
 * reconciliation: applying every version to an empty partition gives the same result in any order.
 */
public final class PartitionMerge {

  private PartitionMerge() {}

  /** The versions merged into one, rows in clustering order. */
  public static PartitionUpdate merge(ClusteringComparator comparator, List<PartitionUpdate> versions) {
    if (versions.size() == 1) {
      return versions.get(0);
    }
    boolean sorted = true;
    for (PartitionUpdate v : versions) {
      sorted &= SliceMerge.isSorted(comparator, v);
    }
    if (sorted) {
      return SliceMerge.merge(comparator, versions);
    }
    StoredPartition p = new StoredPartition(versions.get(0).key(), comparator);
    for (PartitionUpdate v : versions) {
      p.apply(v);
    }
    return p.snapshot();
  }

  /** The versions merged and resolved at {@code nowInSeconds}. */
  public static LivePartition resolve(ClusteringComparator comparator, DecoratedKey key, List<PartitionUpdate> versions,
      long nowInSeconds) {
    return resolve(comparator, key, versions, RowSlice.ALL, nowInSeconds);
  }

  /**
   * The versions merged and resolved at {@code nowInSeconds}, only the rows {@code slice} selects.
   * Versions whose rows are in clustering order (anything read from a store) are merged row by row
   * without building a merged partition; others are first applied to one.
   */
  public static LivePartition resolve(ClusteringComparator comparator, DecoratedKey key, List<PartitionUpdate> versions,
      RowSlice slice, long nowInSeconds) {
    for (PartitionUpdate v : versions) {
      if (!SliceMerge.isSorted(comparator, v)) {
        StoredPartition p = new StoredPartition(key, comparator);
        for (PartitionUpdate u : versions) {
          p.apply(u);
        }
        return p.read(slice, nowInSeconds);
      }
    }
    return SliceMerge.resolve(comparator, key, versions, slice, nowInSeconds);
  }

  /**
   * {@link #resolve(ClusteringComparator, DecoratedKey, List, RowSlice, long)} of versions read from
   * stores (memtables, SSTables), whose rows are in clustering order by construction: touches only
   * the rows within the slice, and of those only as many as its limit needs.
   */
  public static LivePartition resolveStored(ClusteringComparator comparator, DecoratedKey key, List<PartitionUpdate> versions,
      RowSlice slice, long nowInSeconds) {
    return SliceMerge.resolve(comparator, key, versions, slice, nowInSeconds);
  }

  /** An empty partition as a read sees it. */
  public static LivePartition empty(DecoratedKey key) {
    return new LivePartition(key, LiveRow.EMPTY_STATIC, List.of());
  }

  /** The smallest write timestamp in an update (markers, cells, deletions); Long.MAX_VALUE when none. */
  public static long minTimestamp(PartitionUpdate u) {
    long min = Long.MAX_VALUE;
    if (!u.partitionDeletion().isLive()) {
      min = u.partitionDeletion().markedForDeleteAt();
    }
    List<RangeTombstone> rangeTombstones = u.rangeTombstones();
    for (int i = 0; i < rangeTombstones.size(); i++) { // indexed loops: no iterator per write
      min = Math.min(min, rangeTombstones.get(i).deletion().markedForDeleteAt());
    }
    if (u.staticRow() != null) {
      min = Math.min(min, minTimestamp(u.staticRow()));
    }
    List<RowUpdate> rows = u.rows();
    for (int i = 0; i < rows.size(); i++) {
      min = Math.min(min, minTimestamp(rows.get(i)));
    }
    return min;
  }

  private static long minTimestamp(RowUpdate r) {
    long min = Long.MAX_VALUE;
    if (!r.liveness().isEmpty()) {
      min = r.liveness().timestamp();
    }
    if (!r.deletion().isLive()) {
      min = Math.min(min, r.deletion().markedForDeleteAt());
    }
    if (!r.shadowableDeletion().isLive()) {
      min = Math.min(min, r.shadowableDeletion().markedForDeleteAt());
    }
    for (Cell c : r.cells().values()) {
      min = Math.min(min, c.timestamp());
    }
    for (ComplexColumn c : r.complex().values()) {
      if (!c.deletion().isLive()) {
        min = Math.min(min, c.deletion().markedForDeleteAt());
      }
      for (Cell cell : c.cells().values()) {
        min = Math.min(min, cell.timestamp());
      }
    }
    return min;
  }
}
