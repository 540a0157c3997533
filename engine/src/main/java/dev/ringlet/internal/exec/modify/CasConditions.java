package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Decides the conditions of a conditional write, one statement or a batch, in the order 5.0's
 * {@code CQL3CasRequest} checks them. The order only shows when one condition fails and another
 * cannot be evaluated (a null compared with {@code <}, a null {@code CONTAINS}, an unset value):
 * the first one checked decides between "not applied" and the error.
 *
 * <p>5.0 binds every condition first (an {@code IN ?} list's null or unset fails there), then checks
 * the rows in clustering order, the static row first; within a row it iterates a Guava
 * {@code HashMultimap} keyed by {@code Pair(column identifier, element)} (the element of
 * {@code m[k]}/{@code l[i]} conditions, null otherwise): keys by hash bucket in a table of 16
 * buckets (doubled each time it is more than 3/4 full), keys of one bucket in insertion order, the
 * conditions of one key together. The hashes are {@code ByteBuffer.hashCode} of the column name's
 * UTF-8 bytes and of the element, combined as {@code Pair.hashCode} does and spread as
 * {@code HashMap} does. (Several conditions under one key are kept in a set ordered by identity
 * hash codes in 5.0, so in no fixed order; here in statement order.)
 */
final class CasConditions {

  private CasConditions() {}

  /** One statement of the request, its bound values and the row it writes. */
  record Entry(ModificationStatement statement, BoundValues values, Clustering clustering) {}

  /** The partition as the conditions read it. */
  interface Rows {
    /** Whether the row exists (the static row for an empty clustering of a table with clustering columns). */
    boolean exists(Clustering clustering);

    /** A column's current value at the row (a static column's from the static row), null when none. */
    ByteBuffer value(Clustering clustering, ColumnMetadata column);
  }

  static boolean hold(TableMetadata table, List<Entry> entries, Rows rows) {
    ClusteringComparator comparator = TableComparators.clustering(table);
    Comparator<Clustering> staticFirst = (a, b) -> {
      if (a.size() == 0 || b.size() == 0) {
        return Integer.compare(a.size() == 0 ? 0 : 1, b.size() == 0 ? 0 : 1);
      }
      return comparator.compare(a, b);
    };
    Map<Clustering, RowChecks> byRow = new TreeMap<>(staticFirst);
    Clustering staticRow = Clustering.EMPTY;
    for (Entry e : entries) {
      switch (e.statement().condition()) {
        case IF_EXISTS:
          byRow.computeIfAbsent(e.clustering(), c -> new RowChecks()).exists = Boolean.TRUE;
          break;
        case IF_NOT_EXISTS:
          byRow.computeIfAbsent(e.clustering(), c -> new RowChecks()).exists = Boolean.FALSE;
          break;
        case IF_CONDITIONS:
          for (ConditionCheck c : e.statement().conditions()) {
            ConditionCheck.Bound bound = c.bind(e.values());
            Clustering at = c.column().isStatic() ? staticRow : e.clustering();
            byRow.computeIfAbsent(at, k -> new RowChecks()).conditions.add(bound);
          }
          break;
        default:
          break;
      }
    }
    for (Map.Entry<Clustering, RowChecks> row : byRow.entrySet()) {
      if (!row.getValue().hold(row.getKey(), rows)) {
        return false;
      }
    }
    return true;
  }

  /** The checks of one row: existence (null: none) and column conditions. */
  private static final class RowChecks {
    Boolean exists;
    final List<ConditionCheck.Bound> conditions = new ArrayList<>();

    boolean hold(Clustering clustering, Rows rows) {
      if (exists != null && rows.exists(clustering) != exists) {
        return false;
      }
      for (ConditionCheck.Bound c : inCheckOrder(conditions)) {
        if (!c.test(rows.value(clustering, c.column()))) {
          return false;
        }
      }
      return true;
    }
  }

  /** The conditions of one row in 5.0's iteration order (see the class comment). */
  static List<ConditionCheck.Bound> inCheckOrder(List<ConditionCheck.Bound> conditions) {
    List<Key> keys = new ArrayList<>();
    int[] keyOf = new int[conditions.size()];
    for (int i = 0; i < conditions.size(); i++) {
      Key k = new Key(conditions.get(i).column().name(), conditions.get(i).elementKey());
      int at = keys.indexOf(k);
      if (at < 0) {
        at = keys.size();
        keys.add(k);
      }
      keyOf[i] = at;
    }
    int buckets = 16;
    while (keys.size() > buckets * 3 / 4) {
      buckets *= 2;
    }
    int mask = buckets - 1;
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < conditions.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.<Integer>comparingInt(i -> keys.get(keyOf[i]).bucket(mask)).thenComparingInt(i -> keyOf[i]));
    List<ConditionCheck.Bound> out = new ArrayList<>(conditions.size());
    for (int i : order) {
      out.add(conditions.get(i));
    }
    return out;
  }

  /** 5.0's {@code Pair<ColumnIdentifier, ByteBuffer>} key. */
  record Key(String column, ByteBuffer element) {

    int bucket(int mask) {
      int h = 31 * (31 + bytesHash(ByteBuffer.wrap(column.getBytes(StandardCharsets.UTF_8))))
          + (element == null ? 0 : bytesHash(element));
      return (h ^ (h >>> 16)) & mask;
    }

    /** {@code ByteBuffer.hashCode}: from the last byte to the first. */
    private static int bytesHash(ByteBuffer b) {
      int h = 1;
      for (int i = b.limit() - 1; i >= b.position(); i--) {
        h = 31 * h + b.get(i);
      }
      return h;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.column.equals(column) && Objects.equals(k.element, element);
    }

    @Override
    public int hashCode() {
      return column.hashCode();
    }
  }
}
