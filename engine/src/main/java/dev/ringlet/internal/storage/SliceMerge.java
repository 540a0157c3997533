package dev.ringlet.internal.storage;

import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import java.util.ArrayList;
import java.util.List;

/**
 * Versions of one partition (from memtables, SSTables or replicas) resolved for a {@link RowSlice}
 * without building a merged partition: each version's rows are already in clustering order, so the
 * read finds the slice's bounds in each by binary search, then walks the versions side by side in
 * the slice's direction, reconciling the versions of one clustering when they meet, and stops once
 * the slice's limit of live rows is reached. Rows outside the bounds, or past the limit, are never
 * touched. The result is the one {@link StoredPartition} gives after applying every version.
 *
 * <p>Precondition: the rows of each version are in strictly ascending clustering order (as every
 * store, SSTable and replica answer produces them); {@link #isSorted} checks it for callers that
 * cannot vouch for their input.
 */
final class SliceMerge {

  private SliceMerge() {}

  /** Whether the update's rows are in strictly ascending clustering order. */
  static boolean isSorted(ClusteringComparator comparator, PartitionUpdate version) {
    List<RowUpdate> rows = version.rows();
    for (int i = 1; i < rows.size(); i++) {
      if (comparator.compare(rows.get(i - 1).clustering(), rows.get(i).clustering()) >= 0) {
        return false;
      }
    }
    return true;
  }

  static LivePartition resolve(ClusteringComparator comparator, DecoratedKey key, List<PartitionUpdate> versions,
      RowSlice slice, long now) {
    DeletionTime partitionDeletion = DeletionTime.LIVE;
    List<RangeTombstone> rangeTombstones = List.of();
    StoredRow statics = null;
    for (PartitionUpdate v : versions) {
      partitionDeletion = DeletionTime.max(partitionDeletion, v.partitionDeletion());
      if (!v.rangeTombstones().isEmpty()) {
        if (rangeTombstones.isEmpty()) {
          rangeTombstones = v.rangeTombstones();
        } else {
          List<RangeTombstone> all = new ArrayList<>(rangeTombstones);
          all.addAll(v.rangeTombstones());
          rangeTombstones = all;
        }
      }
      if (v.staticRow() != null) {
        if (statics == null) {
          statics = new StoredRow();
        }
        statics.apply(v.staticRow());
      }
    }
    LiveRow liveStatic = statics == null || statics.isEmpty() ? LiveRow.EMPTY_STATIC
        : StoredPartition.resolve(Clustering.EMPTY, statics, partitionDeletion, now);
    int limit = slice.limit();
    List<LiveRow> live = new ArrayList<>(Math.min(limit, 16));
    if (limit == 0) {
      return new LivePartition(key, liveStatic, live);
    }
    Cursor[] cursors = new Cursor[versions.size()];
    int open = 0;
    for (PartitionUpdate v : versions) {
      Cursor c = Cursor.of(comparator, v.rows(), slice);
      if (c != null) {
        cursors[open++] = c;
      }
    }
    boolean reversed = slice.reversed();
    Taken taken = new Taken();
    while (open > 0) {
      // The next clustering in walk order among the cursors' heads (usually one or two sources).
      Clustering next = cursors[0].head();
      for (int i = 1; i < open; i++) {
        Clustering h = cursors[i].head();
        int cmp = comparator.compare(h, next);
        if (reversed ? cmp > 0 : cmp < 0) {
          next = h;
        }
      }
      // The row of the one version that has it is resolved as it is; rows several have are reconciled first.
      open = taken.take(comparator, cursors, open, next);
      DeletionTime deletion = partitionDeletion;
      for (RangeTombstone rt : rangeTombstones) {
        if (comparator.contains(rt.start(), rt.end(), next)) {
          deletion = DeletionTime.max(deletion, rt.deletion());
        }
      }
      LiveRow row = taken.merged == null ? StoredPartition.resolve(next, taken.only, deletion, now)
          : StoredPartition.resolve(next, taken.merged, deletion, now);
      if (!row.isEmpty()) {
        live.add(row);
        if (live.size() >= limit) {
          break;
        }
      }
    }
    return new LivePartition(key, liveStatic, live);
  }

  /**
   * The versions merged into one update, rows in clustering order: a row only one version has is
   * kept as that version's own row, rows several have are reconciled. What applying every version
   * to an empty {@link StoredPartition} and taking its snapshot gives, without the partition.
   */
  static PartitionUpdate merge(ClusteringComparator comparator, List<PartitionUpdate> versions) {
    DeletionTime partitionDeletion = DeletionTime.LIVE;
    List<RangeTombstone> rangeTombstones = new ArrayList<>();
    StoredRow statics = null;
    int total = 0;
    for (PartitionUpdate v : versions) {
      partitionDeletion = DeletionTime.max(partitionDeletion, v.partitionDeletion());
      for (RangeTombstone rt : v.rangeTombstones()) {
        if (!rangeTombstones.contains(rt)) {
          rangeTombstones.add(rt);
        }
      }
      if (v.staticRow() != null) {
        if (statics == null) {
          statics = new StoredRow();
        }
        statics.apply(v.staticRow());
      }
      total += v.rows().size();
    }
    List<RowUpdate> rows = new ArrayList<>(total);
    Cursor[] cursors = new Cursor[versions.size()];
    int open = 0;
    for (PartitionUpdate v : versions) {
      if (!v.rows().isEmpty()) {
        cursors[open++] = new Cursor(v.rows(), 0, v.rows().size(), 1);
      }
    }
    Taken taken = new Taken();
    while (open > 0) {
      Clustering next = cursors[0].head();
      for (int i = 1; i < open; i++) {
        Clustering h = cursors[i].head();
        if (comparator.compare(h, next) < 0) {
          next = h;
        }
      }
      open = taken.take(comparator, cursors, open, next);
      rows.add(taken.merged == null ? taken.only : taken.merged.snapshot(next));
    }
    RowUpdate staticRow = statics == null || statics.isEmpty() ? null : statics.snapshot(Clustering.EMPTY);
    return new PartitionUpdate(versions.get(0).key(), partitionDeletion, rangeTombstones, staticRow, rows);
  }

  /**
   * The versions' rows at one clustering: the row of the one version that has it ({@link #only}),
   * or the rows of several reconciled into {@link #merged}.
   */
  private static final class Taken {
    private RowUpdate only;
    private StoredRow merged;

    /**
     * Takes the row at {@code next} from each of the first {@code open} cursors on it; a cursor left
     * with no rows is swapped out of that range. Returns how many cursors are left open.
     */
    int take(ClusteringComparator comparator, Cursor[] cursors, int open, Clustering next) {
      only = null;
      merged = null;
      for (int i = 0; i < open; i++) {
        Cursor c = cursors[i];
        if (c.head() == next || comparator.compare(c.head(), next) == 0) {
          RowUpdate r = c.take();
          if (only == null && merged == null) {
            only = r;
          } else {
            if (merged == null) {
              merged = new StoredRow();
              merged.apply(only);
            }
            merged.apply(r);
          }
          if (c.done()) {
            cursors[i--] = cursors[--open];
            cursors[open] = null;
          }
        }
      }
      return open;
    }
  }

  /** One version's rows within the slice, walked in its direction. */
  private static final class Cursor {
    private final List<RowUpdate> rows;
    private final int step;
    private final int stop;
    private int at;

    private Cursor(List<RowUpdate> rows, int from, int stop, int step) {
      this.rows = rows;
      this.at = from;
      this.stop = stop;
      this.step = step;
    }

    /** Null when no row of {@code rows} lies within the slice. */
    static Cursor of(ClusteringComparator comparator, List<RowUpdate> rows, RowSlice slice) {
      int lo = comparator.firstRowAfter(rows, slice.start());
      int hi = comparator.firstRowAfter(rows, slice.end()); // exclusive: rows before the end bound
      if (lo >= hi) {
        return null;
      }
      return slice.reversed() ? new Cursor(rows, hi - 1, lo - 1, -1) : new Cursor(rows, lo, hi, 1);
    }

    Clustering head() {
      return rows.get(at).clustering();
    }

    RowUpdate take() {
      RowUpdate r = rows.get(at);
      at += step;
      return r;
    }

    boolean done() {
      return at == stop;
    }
  }
}
