package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One table's recent writes in memory, sorted by token: a concurrent skip list of partitions, each
 * guarded by its own monitor, and beside it a hash index of the same partitions by key ({@link
 * PartitionIndex}), so that a read or write of one partition costs a hash lookup instead of a walk
 * down the skip list. Tracks an estimate of its heap footprint so the store can flush it to an
 * SSTable when it grows past a threshold.
 */
public final class Memtable {

  /** Bytes counted per partition, row and cell besides their values: object headers and map entries. */
  private static final int PARTITION_OVERHEAD = 208;
  private static final int ROW_OVERHEAD = 120;
  private static final int CELL_OVERHEAD = 80;

  private final ClusteringComparator comparator;
  private final ConcurrentSkipListMap<DecoratedKey, StoredPartition> partitions = new ConcurrentSkipListMap<>();
  /** The same partitions by key; a partition is in the skip list first, so a miss here looks there. */
  private final PartitionIndex byKey = new PartitionIndex();
  private final AtomicLong heapSize = new AtomicLong();
  private final AtomicLong minTimestamp = new AtomicLong(Long.MAX_VALUE);

  public Memtable(ClusteringComparator comparator) {
    this.comparator = comparator;
  }

  public void apply(PartitionUpdate update) {
    // A miss in the hash index goes straight to the skip list's putIfAbsent, which finds the
    // partition if it is there after all (being indexed by another writer at this moment).
    StoredPartition p = byKey.get(update.key());
    long size = estimate(update);
    if (p == null) {
      StoredPartition created = new StoredPartition(update.key(), comparator);
      p = partitions.putIfAbsent(update.key(), created);
      if (p == null) {
        p = created;
        byKey.add(created);
        size += PARTITION_OVERHEAD + update.key().key().remaining();
      }
    }
    p.apply(update);
    heapSize.addAndGet(size);
    long min = PartitionMerge.minTimestamp(update);
    if (min < minTimestamp.get()) { // most writes are newer than the oldest: no atomic update of a shared line
      minTimestamp.accumulateAndGet(min, Math::min);
    }
  }

  /** The estimated heap bytes held. */
  public long heapSize() {
    return heapSize.get();
  }

  /** The smallest write timestamp of anything applied (Long.MAX_VALUE when empty). */
  public long minTimestamp() {
    return minTimestamp.get();
  }

  public boolean isEmpty() {
    return partitions.isEmpty();
  }

  public int partitionCount() {
    return partitions.size();
  }

  public boolean contains(DecoratedKey key) {
    return partition(key) != null;
  }

  private StoredPartition partition(DecoratedKey key) {
    StoredPartition p = byKey.get(key);
    return p != null ? p : partitions.get(key);
  }

  /** The partition resolved at {@code nowInSeconds}, or null when this memtable has nothing for the key. */
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    StoredPartition p = partition(key);
    return p == null ? null : p.read(nowInSeconds);
  }

  /** The rows of the partition {@code slice} selects, resolved at {@code nowInSeconds}, or null when this memtable has nothing for the key. */
  public LivePartition read(DecoratedKey key, RowSlice slice, long nowInSeconds) {
    StoredPartition p = partition(key);
    return p == null ? null : p.read(slice, nowInSeconds);
  }

  /** The partition exactly as held, or null. */
  public PartitionUpdate readRaw(DecoratedKey key) {
    StoredPartition p = partition(key);
    return p == null ? null : p.snapshot();
  }

  /** The partition's deletions and static row as held, with only its rows between the bounds; or null. */
  public PartitionUpdate readRaw(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
    StoredPartition p = partition(key);
    return p == null ? null : p.snapshot(start, end);
  }

  /** Partitions as held, in token order from {@code from} (null: the first). */
  public Iterator<PartitionUpdate> iterator(DecoratedKey from, boolean inclusive) {
    NavigableMap<DecoratedKey, StoredPartition> view = from == null ? partitions : partitions.tailMap(from, inclusive);
    Iterator<StoredPartition> it = view.values().iterator();
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return it.hasNext();
      }

      @Override
      public PartitionUpdate next() {
        return it.next().snapshot();
      }
    };
  }

  /** Partitions with live data at {@code nowInSeconds}, in token order from {@code from} (null: the first). */
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
          throw new java.util.NoSuchElementException();
        }
        LivePartition current = next;
        next = advance();
        return current;
      }
    };
  }

  public void dropColumn(String column, long timestampMicros) {
    for (StoredPartition p : partitions.values()) {
      p.dropColumn(column, timestampMicros);
    }
  }

  private static long estimate(PartitionUpdate u) {
    long size = 0;
    List<RangeTombstone> rangeTombstones = u.rangeTombstones();
    for (int i = 0; i < rangeTombstones.size(); i++) { // indexed loops: no iterator per write
      RangeTombstone rt = rangeTombstones.get(i);
      size += ROW_OVERHEAD + bytes(rt.start().prefix()) + bytes(rt.end().prefix());
    }
    if (u.staticRow() != null) {
      size += estimate(u.staticRow());
    }
    List<RowUpdate> rows = u.rows();
    for (int i = 0; i < rows.size(); i++) {
      size += estimate(rows.get(i));
    }
    return size;
  }

  private static long estimate(RowUpdate r) {
    long size = ROW_OVERHEAD + bytes(r.clustering());
    for (Cell c : r.cells().values()) {
      size += CELL_OVERHEAD + (c.value() == null ? 0 : c.value().remaining());
    }
    for (ComplexColumn c : r.complex().values()) {
      size += ROW_OVERHEAD;
      for (Map.Entry<ByteBuffer, Cell> e : c.cells().entrySet()) {
        size += CELL_OVERHEAD * 2 + e.getKey().remaining() + (e.getValue().value() == null ? 0 : e.getValue().value().remaining());
      }
    }
    return size;
  }

  private static long bytes(Clustering c) {
    long n = 0;
    List<ByteBuffer> values = c.values();
    for (int i = 0; i < values.size(); i++) {
      n += 16 + values.get(i).remaining();
    }
    return n;
  }
}
