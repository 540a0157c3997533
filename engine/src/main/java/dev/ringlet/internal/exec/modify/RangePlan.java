package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A DELETE's slice on the clustering column after the EQ prefix: {@code c > x AND c <= y}. Bounds
 * are in the column's declared order (for a DESC column, {@code c > x} is the slice's end).
 */
record RangePlan(ColumnMetadata column, Operator lowerOp, BoundTerm lower, Operator upperOp, BoundTerm upper) {

  /** The slice's start and end bounds in clustering order, under {@code prefix}. */
  Bound[] bind(Clustering prefix, BoundValues values) {
    Bound low = bound(prefix, lower, lowerOp == Operator.GTE, true, values);
    Bound high = bound(prefix, upper, upperOp == Operator.LTE, false, values);
    if (column.reversed()) {
      return new Bound[] {flip(high), flip(low)};
    }
    return new Bound[] {low, high};
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
