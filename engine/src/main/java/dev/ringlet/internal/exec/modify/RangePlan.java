package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DELETE's slice on the clustering columns after the EQ prefix: a single column's ({@code c > x
 * AND c <= y}, {@code column} null when there is none) and multi-column ones ({@link TupleSlice}),
 * intersected. Bounds are in clustering order (for a DESC column, {@code c > x} is the slice's end).
 */
record RangePlan(ColumnMetadata column, Operator lowerOp, BoundTerm lower, Operator upperOp, BoundTerm upper,
    List<TupleSlice> tuples, ClusteringComparator comparator) {

  RangePlan {
    tuples = List.copyOf(tuples);
  }

  /** The slice's intervals (start and end bounds in clustering order) under {@code prefix}. */
  List<Bound[]> bind(Clustering prefix, BoundValues values) {
    List<Bound[]> out = new ArrayList<>();
    out.add(column == null ? new Bound[] {new Bound(prefix, true, true), new Bound(prefix, false, true)}
        : single(prefix, values));
    for (TupleSlice t : tuples) {
      out = intersect(out, t.intervals(prefix, values));
    }
    return out;
  }

  private Bound[] single(Clustering prefix, BoundValues values) {
    Bound low = bound(prefix, lower, lowerOp == Operator.GTE, true, values);
    Bound high = bound(prefix, upper, upperOp == Operator.LTE, false, values);
    if (column.reversed()) {
      return new Bound[] {flip(high), flip(low)};
    }
    return new Bound[] {low, high};
  }

  /** Every non-empty intersection of an interval of {@code a} with one of {@code b}. */
  private List<Bound[]> intersect(List<Bound[]> a, List<Bound[]> b) {
    List<Bound[]> out = new ArrayList<>();
    for (Bound[] x : a) {
      for (Bound[] y : b) {
        Bound start = compare(x[0], y[0]) >= 0 ? x[0] : y[0];
        Bound end = compare(x[1], y[1]) <= 0 ? x[1] : y[1];
        if (compare(start, end) < 0) {
          out.add(new Bound[] {start, end});
        }
      }
    }
    return out;
  }

  /** Orders two bounds in clustering order (a bound lies before or after every clustering with its prefix). */
  private int compare(Bound a, Bound b) {
    int n = Math.min(a.prefix().size(), b.prefix().size());
    for (int i = 0; i < n; i++) {
      int c = comparator.compareComponent(i, a.prefix().get(i), b.prefix().get(i));
      if (c != 0) {
        return c;
      }
    }
    int wa = a.sortsBeforeItsPrefix() ? -1 : 1;
    int wb = b.sortsBeforeItsPrefix() ? -1 : 1;
    if (a.prefix().size() == b.prefix().size()) {
      return Integer.compare(wa, wb);
    }
    return a.prefix().size() < b.prefix().size() ? wa : -wb;
  }
  private Bound bound(Clustering prefix, BoundTerm term, boolean inclusive, boolean start, BoundValues values) {
    if (term == null) {
      return new Bound(prefix, start, true);
    }
    ByteBuffer v = term.bind(values);
    if (v == null) {
      throw CqlException.invalid("Invalid null value in condition for column " + column.name());
    }
    List<ByteBuffer> vs = new ArrayList<>(prefix.values());
    vs.add(v);
    return new Bound(new Clustering(vs), start, inclusive);
  }

  private static Bound flip(Bound b) {
    return new Bound(b.prefix(), !b.isStart(), b.inclusive());
  }
}
