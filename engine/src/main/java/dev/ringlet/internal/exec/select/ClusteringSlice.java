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
 * column's lower value bounds the end of the slice in clustering order).
 *
 * <p>The bounds only narrow the read: every restriction is still evaluated as a row predicate, so
 * they must never exclude a row the predicates accept. Only restrictions whose value is the same
 * at every evaluation (literals and bind markers) are used, since a function such as {@code now()}
 * could differ between the bound and the predicate. {@link #coversClustering} says whether the
 * bounds enforce every clustering restriction, which with nothing else restricted lets the read
 * stop at the number of rows the page still needs.
 */
final class ClusteringSlice {

  /** One single-column restriction on a clustering column whose value can be computed twice. */
  record Term(Operator operator, BoundTerm value) {}

  /** No clustering restriction: every row. */
  static final ClusteringSlice ALL = new ClusteringSlice(List.of(), null, null, null, null, false, true);

  private static final RowSlice ALL_REVERSED = RowSlice.ALL.reversedWalk();

  private final List<BoundTerm> prefix;
  private final BoundTerm lower;
  private final Boolean lowerInclusive;
  private final BoundTerm upper;
  private final Boolean upperInclusive;
  private final boolean rangeOnDescending;
  private final boolean coversClustering;

  private ClusteringSlice(List<BoundTerm> prefix, BoundTerm lower, Boolean lowerInclusive, BoundTerm upper,
      Boolean upperInclusive, boolean rangeOnDescending, boolean coversClustering) {
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
    int total = 0;
    for (List<Term> t : terms.values()) {
      total += t.size();
    }
    if (total == 0) {
      return otherwise.isEmpty() ? ALL : new ClusteringSlice(List.of(), null, null, null, null, false, false);
    }
    List<BoundTerm> eq = new ArrayList<>();
    BoundTerm lower = null;
    Boolean lowerInclusive = null;
    BoundTerm upper = null;
    Boolean upperInclusive = null;
    boolean descending = false;
    int used = 0;
    for (int i = 0; i < table.clustering().size(); i++) {
      List<Term> at = terms.get(i);
      if (at == null || otherwise.contains(i)) {
        break;
      }
      if (at.size() == 1 && at.get(0).operator() == Operator.EQ) {
        eq.add(at.get(0).value());
        used++;
        continue;
      }
      for (Term t : at) {
        switch (t.operator()) {
          case GT:
          case GTE:
            lower = t.value();
            lowerInclusive = t.operator() == Operator.GTE;
            break;
          case LT:
          case LTE:
            upper = t.value();
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
        used == total && otherwise.isEmpty());
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
    if (prefix.isEmpty() && lower == null && upper == null) {
      return reversed ? ALL_REVERSED : RowSlice.ALL;
    }
    List<ByteBuffer> eq = new ArrayList<>(prefix.size() + 1);
    for (BoundTerm t : prefix) {
      eq.add(t.bind(values));
    }
    // In clustering order, a DESC column's upper value comes first.
    BoundTerm first = rangeOnDescending ? upper : lower;
    Boolean firstInclusive = rangeOnDescending ? upperInclusive : lowerInclusive;
    BoundTerm last = rangeOnDescending ? lower : upper;
    Boolean lastInclusive = rangeOnDescending ? lowerInclusive : upperInclusive;
    Bound start = bound(eq, first, firstInclusive, values, true);
    Bound end = bound(eq, last, lastInclusive, values, false);
    return RowSlice.between(start, end, reversed);
  }

  private static Bound bound(List<ByteBuffer> eq, BoundTerm range, Boolean inclusive, BoundValues values, boolean start) {
    if (range == null) {
      return new Bound(eq.isEmpty() ? Clustering.EMPTY : new Clustering(eq), start, true);
    }
    List<ByteBuffer> p = new ArrayList<>(eq);
    p.add(range.bind(values));
    return new Bound(new Clustering(p), start, inclusive);
  }
}
