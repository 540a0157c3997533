package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.RowSlice;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The clustering bounds a SELECT's restrictions imply, so that a partition read resolves only the
 * rows that can match instead of the whole partition: equality on a prefix of the clustering
 * columns, then at most one column bounded from below and/or above (in its type's order, so a DESC
 * column's lower value bounds the end of the slice in clustering order). A multi-column relation
 * starting at the first clustering column, its columns all in one order, is one term whose bound
 * spans several columns: {@code (a, b) >= (1, 2)} starts the slice at the clustering prefix
 * {@code (1, 2)}, {@code (a, b) = (1, 2)} is an equal prefix of two columns, as 5.0 reads them.
 *
 * <p>The bounds only narrow the read: every restriction is still evaluated as a row predicate, so
 * they must never exclude a row the predicates accept. Only restrictions whose value is the same
 * at every evaluation (literals and bind markers) are used, since a function such as {@code now()}
 * could differ between the bound and the predicate. {@link #coversClustering} says whether the
 * bounds enforce every clustering restriction, which with nothing else restricted lets the read
 * stop at the number of rows the page still needs.
 */
final class ClusteringSlice {

  /**
   * One restriction on clustering columns whose value can be computed twice: on {@code width}
   * columns from its position, its value the bound's components (one per column).
   */
  record Term(Operator operator, java.util.function.Function<BoundValues, List<ByteBuffer>> value, int width) {

    /** A single-column restriction. */
    static Term single(Operator operator, BoundTerm value) {
      return new Term(operator, values -> java.util.Collections.singletonList(value.bind(values)), 1);
    }
  }

  /** No clustering restriction: every row. */
  static final ClusteringSlice ALL = new ClusteringSlice(List.of(), null, null, null, null, false, true, null);

  private static final RowSlice ALL_REVERSED = RowSlice.ALL.reversedWalk();

  private final List<Term> prefix;
  private final Term lower;
  private final Boolean lowerInclusive;
  private final Term upper;
  private final Boolean upperInclusive;
  private final boolean rangeOnDescending;
  private final boolean coversClustering;
  /** The restrictions as 5.0 reads them when one slice cannot (several slices), or null. */
  private final ClusteringBounds slices;

  private ClusteringSlice(List<Term> prefix, Term lower, Boolean lowerInclusive, Term upper,
      Boolean upperInclusive, boolean rangeOnDescending, boolean coversClustering, ClusteringBounds slices) {
    this.slices = slices;
    this.prefix = List.copyOf(prefix);
    this.lower = lower;
    this.lowerInclusive = lowerInclusive;
    this.upper = upper;
    this.upperInclusive = upperInclusive;
    this.rangeOnDescending = rangeOnDescending;
    this.coversClustering = coversClustering;
  }

  /**
   * @param terms the usable restrictions by clustering column position (EQ, LT, LTE, GT, GTE)
   * @param otherwise the positions also restricted in another way (IN, multi-column, a function, IS NOT NULL)
   */
  static ClusteringSlice of(TableMetadata table, Map<Integer, List<Term>> terms, Set<Integer> otherwise) {
    return of(table, terms, otherwise, null);
  }

  /**
   * @param slices when not null, the restrictions read as 5.0 reads them (several slices, for an
   *     {@code IN} on a prefix or a multi-column relation one slice cannot bound): the bounds then
   *     come from them, the other restrictions still being evaluated as predicates
   */
  static ClusteringSlice of(TableMetadata table, Map<Integer, List<Term>> terms, Set<Integer> otherwise,
      ClusteringBounds slices) {
    if (slices != null) {
      return new ClusteringSlice(List.of(), null, null, null, null, false, false, slices);
    }
    int total = 0;
    for (List<Term> t : terms.values()) {
      total += t.size();
    }
    if (total == 0) {
      return otherwise.isEmpty() ? ALL : new ClusteringSlice(List.of(), null, null, null, null, false, false, null);
    }
    List<Term> eq = new ArrayList<>();
    Term lower = null;
    Boolean lowerInclusive = null;
    Term upper = null;
    Boolean upperInclusive = null;
    boolean descending = false;
    int used = 0;
    for (int i = 0; i < table.clustering().size(); i++) {
      List<Term> at = terms.get(i);
      if (at == null || otherwise.contains(i)) {
        break;
      }
      if (at.size() == 1 && at.get(0).operator() == Operator.EQ) {
        eq.add(at.get(0));
        used++;
        i += at.get(0).width() - 1;
        continue;
      }
      for (Term t : at) {
        switch (t.operator()) {
          case GT:
          case GTE:
            lower = t;
            lowerInclusive = t.operator() == Operator.GTE;
            break;
          case LT:
          case LTE:
            upper = t;
            upperInclusive = t.operator() == Operator.LTE;
            break;
          default:
            throw new IllegalStateException("operator: " + t.operator() + " (expected: a slice bound)");
        }
        used++;
      }
      descending = table.clustering().get(i).reversed();
      break;
    }
    return new ClusteringSlice(eq, lower, lowerInclusive, upper, upperInclusive, descending,
        used == total && otherwise.isEmpty(), null);
  }

  /** True when a row within the bounds satisfies every clustering restriction of the query. */
  boolean coversClustering() {
    return coversClustering;
  }

  /**
   * The bounds for these values, walking in clustering order or reversed; no limit. Call after the
   * restrictions' predicates were bound, which reject null and unset values first.
   */
  RowSlice bind(BoundValues values, boolean reversed) {
    if (slices != null) {
      List<RowSlice.Part> parts = slices.slices(values);
      return parts == null ? (reversed ? ALL_REVERSED : RowSlice.ALL) : RowSlice.of(parts, reversed);
    }
    if (prefix.isEmpty() && lower == null && upper == null) {
      return reversed ? ALL_REVERSED : RowSlice.ALL;
    }
    List<ByteBuffer> eq = new ArrayList<>(prefix.size() + 1);
    for (Term t : prefix) {
      eq.addAll(t.value().apply(values));
    }
    // In clustering order, a DESC column's upper value comes first.
    Term first = rangeOnDescending ? upper : lower;
    Boolean firstInclusive = rangeOnDescending ? upperInclusive : lowerInclusive;
    Term last = rangeOnDescending ? lower : upper;
    Boolean lastInclusive = rangeOnDescending ? lowerInclusive : upperInclusive;
    Bound start = bound(eq, first, firstInclusive, values, true);
    Bound end = bound(eq, last, lastInclusive, values, false);
    return RowSlice.between(start, end, reversed);
  }

  private static Bound bound(List<ByteBuffer> eq, Term range, Boolean inclusive, BoundValues values, boolean start) {
    if (range == null) {
      return new Bound(eq.isEmpty() ? Clustering.EMPTY : new Clustering(eq), start, true);
    }
    List<ByteBuffer> p = new ArrayList<>(eq);
    p.addAll(range.value().apply(values));
    return new Bound(new Clustering(p), start, inclusive);
  }
}
