package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.Memtable;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads of one partition of an LSM table, whole or a clustering slice, resolved or raw: each
 * source's version (memtables newest first, then SSTables by their newest write, skipping those a
 * partition deletion already read makes irrelevant, and SSTables whose key range, bloom filter or
 * clustering range rule the partition or slice out) merged row by row. While only the memtable
 * holds data, reads go straight to it.
 */
final class PartitionReads {

  private final ClusteringComparator comparator;
  private final Supplier<View> view;
  private final Supplier<DroppedColumns> dropped;

  PartitionReads(ClusteringComparator comparator, Supplier<View> view, Supplier<DroppedColumns> dropped) {
    this.comparator = comparator;
    this.view = view;
    this.dropped = dropped;
  }

  LivePartition read(DecoratedKey key, long nowInSeconds) {
    View v = view.get();
    if (v.memoryOnly()) {
      LivePartition p = v.active().read(key, nowInSeconds);
      return p != null ? p : PartitionMerge.empty(key);
    }
    List<PartitionUpdate> versions = versions(key, m -> m.readRaw(key), s -> s.read(key));
    return versions.isEmpty() ? PartitionMerge.empty(key)
        : PartitionMerge.resolveStored(comparator, key, versions, RowSlice.ALL, nowInSeconds);
  }

  /**
   * Only the rows the slice selects: while only the memtable holds data, only those rows are
   * resolved; otherwise SSTables read just the index blocks overlapping the slice's bounds.
   */
  LivePartition readSlice(DecoratedKey key, RowSlice slice, long nowInSeconds) {
    View v = view.get();
    if (v.memoryOnly()) {
      LivePartition p = v.active().read(key, slice, nowInSeconds);
      return p != null ? p : PartitionMerge.empty(key);
    }
    Bound start = slice.start();
    Bound end = slice.end();
    List<PartitionUpdate> versions = versions(key, m -> m.readRaw(key, start, end),
        s -> missesSlice(s, start, end) ? null : s.readSlice(key, start, end));
    return versions.isEmpty() ? PartitionMerge.empty(key)
        : PartitionMerge.resolveStored(comparator, key, versions, slice, nowInSeconds);
  }

  PartitionUpdate readRaw(DecoratedKey key) {
    View v = view.get();
    if (v.memoryOnly()) {
      return v.active().readRaw(key);
    }
    List<PartitionUpdate> versions = versions(key, m -> m.readRaw(key), s -> s.read(key));
    return versions.isEmpty() ? null : PartitionMerge.merge(comparator, versions);
  }

  /**
   * Memtables copy only the slice's rows; SSTables read only the index blocks overlapping it. A
   * slice of the whole partition (every read by key of a table without clustering columns, and of
   * a whole partition) takes the memtable's kept copy of the partition instead: the same rows,
   * without a new copy per read.
   */
  PartitionUpdate readRawSlice(DecoratedKey key, Bound start, Bound end) {
    boolean whole = isFirst(start) && isLast(end);
    View v = view.get();
    if (v.memoryOnly()) {
      return whole ? v.active().readRaw(key) : v.active().readRaw(key, start, end);
    }
    List<PartitionUpdate> versions = versions(key, whole ? m -> m.readRaw(key) : m -> m.readRaw(key, start, end),
        s -> missesSlice(s, start, end) ? null : s.readSlice(key, start, end));
    return versions.isEmpty() ? null : PartitionMerge.merge(comparator, versions);
  }

  /** A start bound before every clustering: an empty prefix that sorts before its prefix. */
  private static boolean isFirst(Bound start) {
    return start.prefix().size() == 0 && start.sortsBeforeItsPrefix();
  }

  /** An end bound after every clustering: an empty prefix that sorts after its prefix. */
  private static boolean isLast(Bound end) {
    return end.prefix().size() == 0 && !end.sortsBeforeItsPrefix();
  }

  /** True when the SSTable cannot hold anything for the slice: no partition-level data, rows all outside it. */
  private boolean missesSlice(SSTableReader s, Bound start, Bound end) {
    var st = s.stats();
    if (st.partitionLevelEntries() > 0) {
      return false;
    }
    if (st.rows() == 0) {
      return true;
    }
    return comparator.compare(st.maxClustering(), start) < 0 || comparator.compare(st.minClustering(), end) > 0;
  }

  /**
   * Every source's version of the partition (each read as {@code fromMemtable} and {@code reader}
   * say: whole, or a slice), newest sources first, skipping what cannot matter.
   */
  private List<PartitionUpdate> versions(DecoratedKey key, Function<Memtable, PartitionUpdate> fromMemtable,
      Function<SSTableReader, PartitionUpdate> reader) {
    View v = View.acquire(view);
    try {
      List<PartitionUpdate> out = new ArrayList<>(2);
      long shadowed = Long.MIN_VALUE;
      for (Memtable m : v.memtables()) {
        PartitionUpdate p = fromMemtable.apply(m);
        if (p != null) {
          out.add(p);
          shadowed = Math.max(shadowed, p.partitionDeletion().markedForDeleteAt());
        }
      }
      List<SSTableReader> byNewest = new ArrayList<>(v.sstables());
      byNewest.sort(Comparator.comparingLong((SSTableReader s) -> s.stats().maxTimestamp()).reversed());
      DroppedColumns d = dropped.get();
      for (SSTableReader s : byNewest) {
        if (s.stats().maxTimestamp() <= shadowed) {
          break;
        }
        PartitionUpdate p = d.filter(reader.apply(s));
        if (p != null) {
          out.add(p);
          shadowed = Math.max(shadowed, p.partitionDeletion().markedForDeleteAt());
        }
      }
      return out;
    } finally {
      v.release();
    }
  }
}
