package dev.ringlet.internal.storage;

import java.util.Iterator;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentSkipListMap;

/** One table's data in memory: partitions in token order, each guarded by its own monitor. */
public final class MemoryTableStore implements TableStore {

  private final ClusteringComparator comparator;
  private final ConcurrentSkipListMap<DecoratedKey, StoredPartition> partitions = new ConcurrentSkipListMap<>();

  public MemoryTableStore(ClusteringComparator comparator) {
    this.comparator = comparator;
  }

  @Override
  public void apply(PartitionUpdate update) {
    partitions.computeIfAbsent(update.key(), k -> new StoredPartition(k, comparator)).apply(update);
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    StoredPartition p = partitions.get(key);
    if (p == null) {
      return PartitionMerge.empty(key);
    }
    return p.read(nowInSeconds);
  }

  @Override
  public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator ignored, long nowInSeconds) {
    StoredPartition p = partitions.get(key);
    return p == null ? PartitionMerge.empty(key) : p.read(slice, nowInSeconds);
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    NavigableMap<DecoratedKey, StoredPartition> view = from == null ? partitions : partitions.tailMap(from, inclusive);
    Iterator<StoredPartition> it = view.values().iterator();
    return new Iterator<>() {
      private LivePartition next = advance();

      private LivePartition advance() {
        while (it.hasNext()) {
          LivePartition p = it.next().read(nowInSeconds);
          if (!p.isEmpty()) {
            return p;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public LivePartition next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        LivePartition current = next;
        next = advance();
        return current;
      }
    };
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    StoredPartition p = partitions.get(key);
    return p == null ? null : p.snapshot();
  }

  /** Only the slice's rows are copied. */
  @Override
  public PartitionUpdate readRawSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator ignored) {
    StoredPartition p = partitions.get(key);
    return p == null ? null : p.snapshot(start, end);
  }

  /** Convenience for tests and callers holding this type: the table's own comparator. */
  PartitionUpdate readRawSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
    return readRawSlice(key, start, end, comparator);
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    NavigableMap<DecoratedKey, StoredPartition> view = from == null ? partitions : partitions.tailMap(from, inclusive);
    return view.values().stream().map(StoredPartition::snapshot).iterator();
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    for (StoredPartition p : partitions.values()) {
      p.dropColumn(column, timestampMicros);
    }
  }

  @Override
  public void truncate() {
    partitions.clear();
  }
}
