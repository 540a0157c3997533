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
 * @param limit how many live rows at most; {@link Integer#MAX_VALUE} for all
 */
public record RowSlice(Bound start, Bound end, boolean reversed, int limit) {

  /** Every row, in clustering order. */
  public static final RowSlice ALL = new RowSlice(Bound.BOTTOM, Bound.TOP, false, Integer.MAX_VALUE);

  public RowSlice {
    if (!start.isStart() || end.isStart()) {
      throw new IllegalArgumentException("bounds: " + start + ", " + end + " (expected: a start bound, then an end bound)");
    }
    if (limit < 0) {
      throw new IllegalArgumentException("limit: " + limit + " (expected: >= 0)");
    }
  }

  /** Every row between the bounds. */
  public static RowSlice between(Bound start, Bound end, boolean reversed) {
    return new RowSlice(start, end, reversed, Integer.MAX_VALUE);
  }

  /** The same rows walked the other way. */
  public RowSlice reversedWalk() {
    return new RowSlice(start, end, !reversed, limit);
  }

  public RowSlice withLimit(int rows) {
    return new RowSlice(start, end, reversed, rows);
  }

  /**
   * The slice of an already resolved partition (its rows in clustering order): what a store that
   * cannot read less than the whole partition returns.
   */
  public LivePartition of(LivePartition partition, ClusteringComparator comparator) {
    List<LiveRow> rows = new ArrayList<>();
    for (LiveRow r : partition.rows()) {
      if (comparator.contains(start, end, r.clustering())) {
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
