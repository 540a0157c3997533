package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.Memtable;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Scans of an LSM table in token order: the sources' partitions merged key by key, in batches of
 * {@value #SCAN_BATCH} partitions, each batch holding SSTable references only while it is read (a
 * long scan never pins SSTables a compaction has replaced). While only the memtable holds data,
 * scans go straight to it.
 */
final class ScanReads {

  static final int SCAN_BATCH = 128;

  private final ClusteringComparator comparator;
  private final Supplier<View> view;
  private final Supplier<DroppedColumns> dropped;

  ScanReads(ClusteringComparator comparator, Supplier<View> view, Supplier<DroppedColumns> dropped) {
    this.comparator = comparator;
    this.view = view;
    this.dropped = dropped;
  }

  Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    View v = view.get();
    if (v.memoryOnly()) {
      return v.active().scan(from, inclusive, nowInSeconds);
    }
    return new Batches<>(from, inclusive, (after, incl) -> {
      List<LivePartition> batch = new ArrayList<>();
      for (PartitionUpdate p : rawBatch(after, incl)) {
        batch.add(PartitionMerge.resolveStored(comparator, p.key(), List.of(p), RowSlice.ALL, nowInSeconds));
      }
      return batch;
    }, LivePartition::key, p -> !p.isEmpty());
  }

  Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    return new Batches<>(from, inclusive, this::rawBatch, PartitionUpdate::key, p -> true);
  }

  /** Up to {@link #SCAN_BATCH} merged partitions after {@code from}, holding SSTable references only meanwhile. */
  private List<PartitionUpdate> rawBatch(DecoratedKey from, boolean inclusive) {
    View v = View.acquire(view);
    try {
      List<Iterator<PartitionUpdate>> sources = new ArrayList<>();
      for (Memtable m : v.memtables()) {
        sources.add(m.iterator(from, inclusive));
      }
      DroppedColumns d = dropped.get();
      for (SSTableReader s : v.sstables()) {
        Iterator<PartitionUpdate> it = s.iterator(from, inclusive);
        sources.add(d.isEmpty() ? it : new Iterator<>() {
          @Override
          public boolean hasNext() {
            return it.hasNext();
          }

          @Override
          public PartitionUpdate next() {
            return d.filter(it.next());
          }
        });
      }
      MergeIterator merged = new MergeIterator(sources);
      List<PartitionUpdate> batch = new ArrayList<>();
      while (merged.hasNext() && batch.size() < SCAN_BATCH) {
        batch.add(PartitionMerge.merge(comparator, merged.next()));
      }
      return batch;
    } finally {
      v.release();
    }
  }

  /** Scans in batches: each batch starts after the last key of the previous one, so no reference outlives a batch. */
  private static final class Batches<T> implements Iterator<T> {
    interface Loader<T> {
      List<T> load(DecoratedKey from, boolean inclusive);
    }

    private final Loader<T> loader;
    private final Function<T, DecoratedKey> keyOf;
    private final java.util.function.Predicate<T> keep;
    private List<T> batch;
    private int index;
    private DecoratedKey last;
    private boolean inclusive;
    private boolean exhausted;
    private T next;

    Batches(DecoratedKey from, boolean inclusive, Loader<T> loader, Function<T, DecoratedKey> keyOf,
        java.util.function.Predicate<T> keep) {
      this.loader = loader;
      this.keyOf = keyOf;
      this.keep = keep;
      this.last = from;
      this.inclusive = inclusive;
      this.next = advance();
    }

    private T advance() {
      while (true) {
        if (batch == null || index == batch.size()) {
          if (exhausted) {
            return null;
          }
          batch = loader.load(last, inclusive);
          index = 0;
          if (batch.size() < SCAN_BATCH) {
            exhausted = true;
          }
          if (batch.isEmpty()) {
            return null;
          }
          last = keyOf.apply(batch.get(batch.size() - 1));
          inclusive = false;
        }
        T t = batch.get(index++);
        if (keep.test(t)) {
          return t;
        }
      }
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public T next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      T t = next;
      next = advance();
      return t;
    }
  }
}
