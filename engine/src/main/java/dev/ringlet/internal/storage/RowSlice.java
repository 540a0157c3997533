package dev.ringlet.internal.storage;

import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import java.util.ArrayList;
import java.util.List;

/**
 * Which rows of a partition a read wants: those between two bounds (in clustering order), walked
 * in clustering order or reversed, and at most {@code limit} of the live ones, the first met in that
 * walk. A read that knows this resolves only those rows instead of the whole partition; the static
 * row is always read.
 *
 * <p>A read of several slices (5.0's {@code Slices}: an {@code IN} on a clustering prefix, a
 * multi-column relation after an equal prefix, one over columns of mixed orders) has them as
 * {@code parts}, disjoint and in clustering order: it reads only the rows within them, its bounds
 * spanning them all; null parts: the one slice between the bounds.
 *
 * @param limit how many live rows at most; {@link Integer#MAX_VALUE} for all
 */
public record RowSlice(Bound start, Bound end, boolean reversed, int limit, List<Part> parts) {

  /** Every row, in clustering order. */
  public static final RowSlice ALL = new RowSlice(Bound.BOTTOM, Bound.TOP, false, Integer.MAX_VALUE);

  /** One slice of a read of several: the rows between a start and an end bound. */
  public record Part(Bound start, Bound end) {
    public Part {
      if (!start.isStart() || end.isStart()) {
        throw new IllegalArgumentException("bounds: " + start + ", " + end + " (expected: a start bound, then an end bound)");
      }
    }
  }

  public RowSlice {
    if (!start.isStart() || end.isStart()) {
      throw new IllegalArgumentException("bounds: " + start + ", " + end + " (expected: a start bound, then an end bound)");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 0)");
    }
    parts = parts == null ? null : List.copyOf(parts);
  }

  /** The one slice between the bounds. */
  public RowSlice(Bound start, Bound end, boolean reversed, int limit) {
    this(start, end, reversed, limit, null);
  }

  /** Every row between the bounds. */
  public static RowSlice between(Bound start, Bound end, boolean reversed) {
    return new RowSlice(start, end, reversed, Integer.MAX_VALUE);
  }

  /**
   * The rows of several slices ({@code parts}, disjoint, in clustering order): one slice when
   * there is one, none at all when {@code parts} is empty.
   */
  public static RowSlice of(List<Part> parts, boolean reversed) {
    if (parts.size() == 1) {
      return between(parts.get(0).start(), parts.get(0).end(), reversed);
    }
    if (parts.isEmpty()) {
      return new RowSlice(Bound.BOTTOM, Bound.TOP, reversed, Integer.MAX_VALUE, List.of());
    }
    return new RowSlice(parts.get(0).start(), parts.get(parts.size() - 1).end(), reversed, Integer.MAX_VALUE, parts);
  }

  /** The slices the read reads: its parts, or the one between its bounds. */
  public List<Part> slices() {
    return parts != null ? parts : List.of(new Part(start, end));
  }

  /** The same rows walked the other way. */
  public RowSlice reversedWalk() {
    return new RowSlice(start, end, !reversed, limit, parts);
  }

  public RowSlice withLimit(int rows) {
    return new RowSlice(start, end, reversed, rows, parts);
  }

  /** The same rows, walked in clustering order, with no limit. */
  public RowSlice forward() {
    return new RowSlice(start, end, false, Integer.MAX_VALUE, parts);
  }

  /** Whether the read reads the row {@code clustering}. */
  public boolean includes(ClusteringComparator comparator, Clustering clustering) {
    if (parts == null) {
      return comparator.contains(start, end, clustering);
    }
    for (Part p : parts) {
      if (comparator.contains(p.start(), p.end(), clustering)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The rows of this read that come after {@code last} in clustering order ({@code afterLast}) or
   * before it, walked and limited as this read: what a later page reads, as 5.0's
   * {@code Slices.forPaging} keeps the slices from the one holding {@code last} on, that one cut
   * at it.
   */
  public RowSlice cutAt(ClusteringComparator comparator, Clustering last, boolean afterLast) {
    List<Part> kept = new ArrayList<>();
    for (Part p : slices()) {
      Part cut;
      if (afterLast) {
        if (comparator.compare(last, p.end()) >= 0) {
          continue; // the slice ends before the row: nothing of it is left
        }
        cut = comparator.compare(last, p.start()) <= 0 ? p : new Part(new Bound(last, true, false), p.end());
      } else {
        if (comparator.compare(last, p.start()) <= 0) {
          continue;
        }
        cut = comparator.compare(last, p.end()) >= 0 ? p : new Part(p.start(), new Bound(last, false, false));
      }
      if (TombstoneCount.compare(comparator, cut.end(), cut.start()) > 0) {
        kept.add(cut); // a slice cut to nothing is dropped
      }
    }
    return of(kept, reversed).withLimit(limit);
  }

  /**
   * The slice of an already resolved partition (its rows in clustering order): what a store that
   * cannot read less than the whole partition returns.
   */
  public LivePartition of(LivePartition partition, ClusteringComparator comparator) {
    List<LiveRow> rows = new ArrayList<>();
    for (LiveRow r : partition.rows()) {
      if (includes(comparator, r.clustering())) {
        rows.add(r);
      }
    }
    if (reversed) {
      java.util.Collections.reverse(rows);
    }
    if (rows.size() > limit) {
      rows = new ArrayList<>(rows.subList(0, limit));
    }
    return new LivePartition(partition.key(), partition.staticRow(), rows);
  }
}
