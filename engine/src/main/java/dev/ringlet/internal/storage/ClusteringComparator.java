package dev.ringlet.internal.storage;

import dev.ringlet.internal.types.CqlType;
import java.util.Comparator;
import java.util.List;

/**
 * Orders clusterings by each column's type, reversed for DESC columns; a prefix sorts before any
 * clustering it is a prefix of. Also compares clusterings with slice bounds.
 */
public final class ClusteringComparator implements Comparator<Clustering> {

  private final List<CqlType> types;
  private final boolean[] reversed;

  public ClusteringComparator(List<CqlType> types, List<Boolean> reversed) {
    this.types = List.copyOf(types);
    this.reversed = new boolean[reversed.size()];
    for (int i = 0; i < reversed.size(); i++) {
      this.reversed[i] = reversed.get(i);
    }
  }

  public int size() {
    return types.size();
  }

  public CqlType type(int i) {
    return types.get(i);
  }

  /** Compares one column's values in clustering order. */
  public int compareComponent(int i, java.nio.ByteBuffer a, java.nio.ByteBuffer b) {
    int c = types.get(i).compare(a, b);
    return reversed[i] ? -c : c;
  }

  @Override
  public int compare(Clustering a, Clustering b) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = compareComponent(i, a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /**
   * Where a clustering lies relative to a bound: negative before it, positive after it. A bound is
   * a prefix; an inclusive start (or exclusive end) sorts before every clustering with that prefix,
   * an exclusive start (or inclusive end) after all of them.
   */
  public int compare(Clustering clustering, Bound bound) {
    int n = Math.min(clustering.size(), bound.prefix().size());
    for (int i = 0; i < n; i++) {
      int c = compareComponent(i, clustering.get(i), bound.prefix().get(i));
      if (c != 0) {
        return c;
      }
    }
    if (clustering.size() < bound.prefix().size()) {
      return -1;
    }
    return bound.sortsBeforeItsPrefix() ? 1 : -1;
  }

  /**
   * The index of the first of {@code rows} (in clustering order) that sorts after the bound, by
   * bisection; {@code rows.size()} when none does. A bound never equals a clustering.
   */
  public int firstRowAfter(List<RowUpdate> rows, Bound bound) {
    int lo = 0;
    int hi = rows.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(rows.get(mid).clustering(), bound) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** A slice bound on a clustering prefix. */
  public record Bound(Clustering prefix, boolean isStart, boolean inclusive) {

    public static final Bound BOTTOM = new Bound(Clustering.EMPTY, true, true);
    public static final Bound TOP = new Bound(Clustering.EMPTY, false, true);

    /** True when the bound sorts before every clustering that has its prefix. */
    public boolean sortsBeforeItsPrefix() {
      return isStart == inclusive;
    }
  }

  /** Whether the clustering lies within {@code [start, end]} as the bounds say. */
  public boolean contains(Bound start, Bound end, Clustering clustering) {
    return compare(clustering, start) > 0 && compare(clustering, end) < 0;
  }
}
