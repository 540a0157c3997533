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
 * A DELETE's multi-column slice {@code (c1, c2, ...) > (v1, v2, ...)} on the clustering columns
 * after the EQ prefix. As in 5.0 the tuples compare in value order, column by column, whatever
 * each column's clustering order: when all the columns have one order the slice is one interval
 * of the partition, otherwise the union of one interval per column ({@code c1 > v1}, then
 * {@code c1 = v1 AND c2 > v2}, ...), each in clustering order.
 */
record TupleSlice(List<ColumnMetadata> columns, Operator op, BoundTerm tuple) {

  TupleSlice {
    columns = List.copyOf(columns);
  }

  /** The slice's intervals under {@code prefix}, as start and end bounds in clustering order. */
  List<Bound[]> intervals(Clustering prefix, BoundValues values) {
    List<ByteBuffer> v = elements(tuple.bind(values));
    boolean lower = op == Operator.GT || op == Operator.GTE;
    boolean inclusive = op == Operator.GTE || op == Operator.LTE;
    boolean oneOrder = columns.stream().allMatch(c -> c.reversed() == columns.get(0).reversed());
    List<Bound[]> out = new ArrayList<>();
    if (oneOrder) {
      out.add(interval(prefix, extend(prefix, v, v.size()), lower != columns.get(0).reversed(), inclusive));
      return out;
    }
    for (int i = 0; i < v.size(); i++) {
      Clustering under = extend(prefix, v, i);
      out.add(interval(under, extend(prefix, v, i + 1), lower != columns.get(i).reversed(),
          i == v.size() - 1 && inclusive));
    }
    return out;
  }

  /** From {@code at} to the end of {@code under} when {@code start}, else from its start to {@code at}. */
  private static Bound[] interval(Clustering under, Clustering at, boolean start, boolean inclusive) {
    Bound b = new Bound(at, start, inclusive);
    return start ? new Bound[] {b, new Bound(under, false, true)} : new Bound[] {new Bound(under, true, true), b};
  }

  private static Clustering extend(Clustering prefix, List<ByteBuffer> v, int n) {
    List<ByteBuffer> out = new ArrayList<>(prefix.values());
    out.addAll(v.subList(0, n));
    return new Clustering(out);
  }

  private List<ByteBuffer> elements(ByteBuffer value) {
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      ByteBuffer e = element(value, i);
      if (e == null) {
        throw CqlException.invalid("Invalid null value in condition for column " + columns.get(i).name());
      }
      out.add(e);
    }
    return out;
  }

  /** Element {@code i} of a bound tuple value (null for a null element). */
  static ByteBuffer element(ByteBuffer tuple, int i) {
    if (tuple == null) {
      throw CqlException.invalid("Invalid null value for multi-column relation");
    }
    ByteBuffer in = tuple.duplicate();
    for (int k = 0; ; k++) {
      int len = in.remaining() >= 4 ? in.getInt() : -1;
      if (k == i || len < 0) {
        if (len < 0) {
          return null;
        }
        ByteBuffer e = in.slice();
        e.limit(len);
        return e;
      }
      in.position(in.position() + len);
    }
  }
}
