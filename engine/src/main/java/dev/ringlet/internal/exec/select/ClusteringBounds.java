package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TombstoneCount;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A SELECT's clustering restrictions as 5.0.9's {@code ClusteringColumnRestrictions} holds them
 * (one restriction per column or multi-column relation, in clustering order), and what 5.0 derives
 * from them: the slices its read command reads ({@code boundsAsClustering} for the start and end
 * bounds, {@code MultiCBuilder}, {@code SelectStatement.makeSlices}, {@code Slices.Builder}), and the
 * restrictions it leaves to the row filter ({@code addToRowFilter}: those not on the column the
 * slices reach next), which its warnings print.
 *
 * <p>The slices follow 5.0 step by step because their bounds are what the warnings print
 * ({@code c1 IN (0, 1) AND c2 > 0}, and on a later page the bogus-looking {@code c2 > 1 AND c3 > 0}
 * of a slice cut at the row returned last) and what is counted: an {@code IN} on a prefix reads one
 * slice per value, a multi-column slice over columns of mixed orders one slice per change of order.
 */
final class ClusteringBounds {

  enum Kind { EQ, IN, SLICE }

  /** One restriction on consecutive clustering columns. */
  static final class Restriction {
    final List<ColumnMetadata> columns;
    final Kind kind;
    final boolean multi;
    /** EQ: one tuple of the columns' values; IN: each tuple. */
    final Function<BoundValues, List<List<ByteBuffer>>> tuples;
    Function<BoundValues, List<ByteBuffer>> lower;
    boolean lowerInclusive = true;
    Function<BoundValues, List<ByteBuffer>> upper;
    boolean upperInclusive = true;

    private Restriction(List<ColumnMetadata> columns, Kind kind, boolean multi,
        Function<BoundValues, List<List<ByteBuffer>>> tuples) {
      this.columns = List.copyOf(columns);
      this.kind = kind;
      this.multi = multi;
      this.tuples = tuples;
    }

    int first() {
      return columns.get(0).position();
    }

    int last() {
      return columns.get(columns.size() - 1).position();
    }

    /** 5.0's {@code TermSlice.isInclusive}: a side without a bound is inclusive. */
    private boolean inclusive(boolean start) {
      return start ? lower == null || lowerInclusive : upper == null || upperInclusive;
    }

    private List<ByteBuffer> side(boolean start, BoundValues values) {
      Function<BoundValues, List<ByteBuffer>> f = start ? lower : upper;
      return f == null ? List.of() : f.apply(values);
    }
  }

  /** A restriction 5.0 leaves to the row filter, as its warnings print it: {@code c2 = 1}, {@code c2 IN [0, 1]}. */
  record Filtered(ColumnMetadata column, Operator operator, List<ByteBuffer> values) {

    String cql() {
      String name = ReadCommandCql.quote(column.name());
      if (operator == Operator.IN) {
        List<String> literals = new ArrayList<>();
        values.forEach(v -> literals.add(column.type().toCqlLiteral(v)));
        return name + " IN [" + String.join(", ", literals) + "]"; // 5.0 prints the packed list
      }
      return name + " " + operator + " " + column.type().toCqlLiteral(values.get(0));
    }
  }

  private final List<Restriction> restrictions = new ArrayList<>();
  private final ClusteringComparator comparator;

  ClusteringBounds(ClusteringComparator comparator) {
    this.comparator = comparator;
  }

  boolean isEmpty() {
    return restrictions.isEmpty();
  }

  void eq(ColumnMetadata c, Function<BoundValues, ByteBuffer> value) {
    add(new Restriction(List.of(c), Kind.EQ, false, values -> List.of(java.util.Collections.singletonList(value.apply(values)))));
  }

  void in(ColumnMetadata c, Function<BoundValues, List<ByteBuffer>> options) {
    add(new Restriction(List.of(c), Kind.IN, false, values -> {
      List<List<ByteBuffer>> out = new ArrayList<>();
      options.apply(values).forEach(v -> out.add(java.util.Collections.singletonList(v)));
      return out;
    }));
  }

  void multiEq(List<ColumnMetadata> columns, Function<BoundValues, List<ByteBuffer>> tuple) {
    add(new Restriction(columns, Kind.EQ, true, values -> List.of(tuple.apply(values))));
  }

  void multiIn(List<ColumnMetadata> columns, Function<BoundValues, List<List<ByteBuffer>>> tuples) {
    add(new Restriction(columns, Kind.IN, true, tuples));
  }

  /** A bound of a column ({@code columns} of one) or tuple: merged with the other bound of the same relation's columns. */
  void slice(List<ColumnMetadata> columns, boolean multi, Operator op, Function<BoundValues, List<ByteBuffer>> value) {
    Restriction r = null;
    for (Restriction existing : restrictions) {
      if (existing.kind == Kind.SLICE && existing.first() == columns.get(0).position()) {
        r = existing;
      }
    }
    if (r == null || r.columns.size() < columns.size()) {
      Restriction wider = new Restriction(columns, Kind.SLICE, multi, null);
      if (r != null) {
        restrictions.remove(r);
        wider.lower = r.lower;
        wider.lowerInclusive = r.lowerInclusive;
        wider.upper = r.upper;
        wider.upperInclusive = r.upperInclusive;
      }
      r = wider;
      add(r);
    }
    if (op == Operator.GT || op == Operator.GTE) {
      r.lower = value;
      r.lowerInclusive = op == Operator.GTE;
    } else {
      r.upper = value;
      r.upperInclusive = op == Operator.LTE;
    }
  }

  private void add(Restriction r) {
    restrictions.add(r);
    restrictions.sort(Comparator.comparingInt(Restriction::first));
  }

  /**
   * The slices 5.0 reads for these values, in clustering order (null: every row; empty: none),
   * after checking, as 5.0's {@code getRowFilter} does on execution, that the restrictions left to
   * the row filter can be filters.
   */
  List<RowSlice.Part> slices(BoundValues values) {
    filtered(values);
    TreeSet<Bound> starts = bounds(true, values);
    TreeSet<Bound> ends = bounds(false, values);
    List<RowSlice.Part> slices = new ArrayList<>();
    java.util.Iterator<Bound> e = ends.iterator();
    for (Bound start : starts) {
      if (!e.hasNext()) {
        break;
      }
      Bound end = e.next();
      if (TombstoneCount.compare(comparator, end, start) > 0) {
        slices.add(new RowSlice.Part(start, end)); // 5.0 drops the empty ones
      }
    }
    if (slices.size() == 1 && slices.get(0).start().prefix().size() == 0 && slices.get(0).end().prefix().size() == 0) {
      return null;
    }
    return normalized(slices);
  }

  /** 5.0's {@code boundsAsClustering}: the start (or end) bound of every slice, sorted, without duplicates. */
  private TreeSet<Bound> bounds(boolean start, BoundValues values) {
    TreeSet<Bound> out = new TreeSet<>((a, b) -> TombstoneCount.compare(comparator, a, b));
    List<List<ByteBuffer>> elements = new ArrayList<>();
    elements.add(new ArrayList<>());
    int position = 0;
    for (Restriction r : restrictions) {
      if (r.first() != position) {
        break; // left to the row filter
      }
      if (r.kind == Kind.SLICE) {
        elements = appendSlice(elements, r, start, values);
        forSlice(out, elements, start, r.inclusive(start), r.inclusive(!start), r.columns);
        return out;
      }
      List<List<ByteBuffer>> tuples = r.tuples.apply(values);
      if (tuples.isEmpty()) {
        return out; // IN (): no slice
      }
      elements = product(elements, tuples);
      position = r.last() + 1;
    }
    for (List<ByteBuffer> prefix : elements) {
      out.add(bound(prefix, start, true));
    }
    return out;
  }

  /**
   * 5.0's {@code appendBoundTo} of a slice: the bound's values of each column, the side of each
   * column's own order; a column whose order differs from the one before starts another bound.
   */
  private static List<List<ByteBuffer>> appendSlice(List<List<ByteBuffer>> elements, Restriction r, boolean start,
      BoundValues values) {
    boolean reversed = r.columns.get(0).reversed();
    List<ByteBuffer> lower = r.side(true, values);
    List<ByteBuffer> upper = r.side(false, values);
    List<List<ByteBuffer>> toAdd = new ArrayList<>();
    List<ByteBuffer> current = new ArrayList<>();
    for (int i = 0; i < r.columns.size(); i++) {
      ColumnMetadata column = r.columns.get(i);
      boolean side = column.reversed() != start; // the tuple's lower bound makes this column's side of the bound
      List<ByteBuffer> own = side ? lower : upper;
      List<ByteBuffer> other = side ? upper : lower;
      if (reversed != column.reversed()) {
        reversed = column.reversed();
        toAdd.add(current);
        if (own.size() <= i) {
          continue;
        }
        if (other.size() > i) {
          toAdd.add(current);
        }
        current = new ArrayList<>(own.subList(0, Math.min(i, own.size())));
      }
      if (own.size() <= i) {
        continue;
      }
      current.add(checked(own.get(i), r.columns.get(i)));
    }
    toAdd.add(current);
    if (!start) {
      java.util.Collections.reverse(toAdd);
    }
    return product(elements, toAdd);
  }

  /** Each prefix followed by each tuple (5.0's {@code addAllElementsToAll}). */
  private static List<List<ByteBuffer>> product(List<List<ByteBuffer>> prefixes, List<List<ByteBuffer>> tuples) {
    List<List<ByteBuffer>> out = new ArrayList<>();
    for (List<ByteBuffer> prefix : prefixes) {
      for (List<ByteBuffer> t : tuples) {
        List<ByteBuffer> longer = new ArrayList<>(prefix);
        longer.addAll(t);
        out.add(longer);
      }
    }
    return out;
  }

  /** 5.0's {@code MultiCBuilder.buildBoundForSlice}. */
  private void forSlice(TreeSet<Bound> out, List<List<ByteBuffer>> elements, boolean start, boolean inclusive,
      boolean otherInclusive, List<ColumnMetadata> columns) {
    int offset = columns.get(0).position();
    int lastPosition = columns.get(columns.size() - 1).position();
    for (int i = 0; i < elements.size(); i++) {
      List<ByteBuffer> e = elements.get(i);
      if (e.size() == offset) {
        out.add(bound(e, start, true));
        continue;
      }
      if (e.size() <= lastPosition && i < elements.size() - 1 && e.equals(elements.get(i + 1))) {
        // mixed orders: two bounds of the same values, where one slice ends and the next starts
        out.add(bound(e, start, false));
        out.add(bound(elements.get(++i), start, true));
        continue;
      }
      ColumnMetadata column = columns.get(e.size() - 1 - offset);
      out.add(bound(e, start, column.reversed() ? otherInclusive : inclusive));
    }
  }

  private static Bound bound(List<ByteBuffer> values, boolean start, boolean inclusive) {
    return new Bound(values.isEmpty() ? Clustering.EMPTY : new Clustering(values), start, inclusive);
  }

  private static ByteBuffer checked(ByteBuffer v, ColumnMetadata c) {
    if (v == null) {
      throw CqlException.invalid("Invalid null value in condition for column " + c.name());
    }
    return v;
  }

  /** 5.0's {@code Slices.Builder}: slices that overlap are sorted and merged. */
  private List<RowSlice.Part> normalized(List<RowSlice.Part> slices) {
    boolean overlap = false;
    for (int i = 1; i < slices.size(); i++) {
      overlap |= TombstoneCount.compare(comparator, slices.get(i - 1).end(), slices.get(i).start()) > 0;
    }
    if (!overlap) {
      return slices;
    }
    List<RowSlice.Part> sorted = new ArrayList<>(slices);
    sorted.sort((a, b) -> {
      int c = TombstoneCount.compare(comparator, a.start(), b.start());
      return c != 0 ? c : -TombstoneCount.compare(comparator, a.end(), b.end());
    });
    List<RowSlice.Part> out = new ArrayList<>();
    RowSlice.Part last = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      RowSlice.Part next = sorted.get(i);
      boolean startIn = includes(last, next.start());
      boolean endIn = includes(last, next.end());
      if (startIn && endIn) {
        continue;
      }
      if (startIn) {
        last = new RowSlice.Part(last.start(), next.end());
      } else {
        out.add(last);
        last = next;
      }
    }
    out.add(last);
    return out;
  }

  private boolean includes(RowSlice.Part slice, Bound b) {
    return TombstoneCount.compare(comparator, slice.start(), b) <= 0 && TombstoneCount.compare(comparator, b, slice.end()) <= 0;
  }

  /**
   * The restrictions 5.0 leaves to the row filter (those that do not start at the column the
   * slices reach next), as its row filter holds them; 5.0's refusals of the multi-column ones.
   */
  List<Filtered> filtered(BoundValues values) {
    List<Filtered> out = new ArrayList<>();
    int position = 0;
    for (Restriction r : restrictions) {
      if (r.first() == position) {
        if (r.kind != Kind.SLICE) {
          position = r.last() + 1;
        }
        continue;
      }
      switch (r.kind) {
        case EQ: {
          List<ByteBuffer> tuple = r.tuples.apply(values).get(0);
          for (int i = 0; i < r.columns.size(); i++) {
            out.add(new Filtered(r.columns.get(i), Operator.EQ, java.util.Collections.singletonList(tuple.get(i))));
          }
          break;
        }
        case IN: {
          if (r.columns.size() > 1) {
            throw CqlException.invalid("Multicolumn IN filters are not supported");
          }
          List<ByteBuffer> options = new ArrayList<>();
          r.tuples.apply(values).forEach(t -> options.add(t.get(0)));
          out.add(new Filtered(r.columns.get(0), Operator.IN, options));
          break;
        }
        default:
          if (r.multi) {
            throw CqlException.invalid("Multi-column slice restrictions cannot be used for filtering.");
          }
          if (r.lower != null) {
            out.add(new Filtered(r.columns.get(0), r.lowerInclusive ? Operator.GTE : Operator.GT, r.lower.apply(values)));
          }
          if (r.upper != null) {
            out.add(new Filtered(r.columns.get(0), r.upperInclusive ? Operator.LTE : Operator.LT, r.upper.apply(values)));
          }
      }
    }
    return out;
  }
}
