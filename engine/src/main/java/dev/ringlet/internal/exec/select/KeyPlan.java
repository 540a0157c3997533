package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ListValues;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The partitions a statement names by EQ/IN on every partition key column: the cartesian product
 * of each column's values, without duplicates, in key order (each column's type order), as
 * Cassandra reads them.
 */
public final class KeyPlan {

  /** Per partition key column: its EQ term, its IN terms, or one marker bound to a whole IN list. */
  public record ColumnValues(List<BoundTerm> terms, BoundTerm inMarker) {}

  private final List<ColumnValues> columns;
  /** Every column restricted by one EQ term: one key, bound without the cartesian product (the prepared point read). */
  private final boolean singleKey;

  public KeyPlan(List<ColumnValues> columns) {
    this.columns = List.copyOf(columns);
    this.singleKey = this.columns.stream().allMatch(c -> c.inMarker() == null && c.terms().size() == 1);
  }

  public List<DecoratedKey> bind(TableMetadata table, BoundValues values) {
    if (singleKey) {
      return List.of(bindSingle(table, values));
    }
    List<List<ByteBuffer>> perColumn = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      perColumn.add(bindColumn(table.partitionKey().get(i), columns.get(i), values));
    }
    List<List<ByteBuffer>> combos = new ArrayList<>();
    combos.add(List.of());
    for (List<ByteBuffer> options : perColumn) {
      List<List<ByteBuffer>> next = new ArrayList<>();
      for (List<ByteBuffer> prefix : combos) {
        for (ByteBuffer v : options) {
          List<ByteBuffer> c = new ArrayList<>(prefix);
          c.add(v);
          next.add(c);
        }
      }
      combos = next;
    }
    List<DecoratedKey> keys = new ArrayList<>(combos.size());
    for (List<ByteBuffer> c : combos) {
      keys.add(PartitionKeys.decorate(table, c));
    }
    return keys;
  }

  /** The same checks, in the same order, as {@link #bindColumn} for one value per column. */
  private DecoratedKey bindSingle(TableMetadata table, BoundValues values) {
    int n = columns.size();
    if (n == 1) {
      return PartitionKeys.decorate(table, List.of(bindOne(table.partitionKey().get(0), columns.get(0), values)));
    }
    List<ByteBuffer> components = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      components.add(bindOne(table.partitionKey().get(i), columns.get(i), values));
    }
    return PartitionKeys.decorate(table, components);
  }

  private static ByteBuffer bindOne(ColumnMetadata column, ColumnValues cv, BoundValues values) {
    ByteBuffer v = cv.terms().get(0).bind(values);
    if (v == null) {
      throw CqlException.invalid("Invalid null value in condition for column " + column.name());
    }
    if (v == QueryOptions.UNSET) {
      throw CqlException.invalid("Invalid unset value for column " + column.name());
    }
    validate(column, v);
    return v;
  }

  /** One column's values, sorted in its type's order and deduplicated. */
  private static List<ByteBuffer> bindColumn(ColumnMetadata column, ColumnValues cv, BoundValues values) {
    List<ByteBuffer> out = new ArrayList<>();
    if (cv.inMarker() != null) {
      ByteBuffer list = cv.inMarker().bind(values);
      if (list == null) {
        throw CqlException.invalid("Invalid null value for " + column.name());
      }
      if (list == QueryOptions.UNSET) {
        throw CqlException.invalid("Invalid unset value for column " + column.name());
      }
      out.addAll(ListValues.split(list));
    } else {
      for (BoundTerm t : cv.terms()) {
        out.add(t.bind(values));
      }
    }
    for (ByteBuffer v : out) {
      if (v == null) {
        throw CqlException.invalid("Invalid null value in condition for column " + column.name());
      }
      if (v == QueryOptions.UNSET) {
        throw CqlException.invalid("Invalid unset value for column " + column.name());
      }
      validate(column, v);
    }
    out.sort(column.type()::compare);
    List<ByteBuffer> distinct = new ArrayList<>();
    for (ByteBuffer v : out) {
      if (distinct.isEmpty() || column.type().compare(distinct.get(distinct.size() - 1), v) != 0) {
        distinct.add(v);
      }
    }
    return distinct;
  }

  /** 5.0 validates key values, except a PartitionerDefinedOrder's in a restriction (its validation always fails). */
  private static void validate(ColumnMetadata column, ByteBuffer v) {
    if (!(column.type() instanceof dev.ringlet.internal.types.CustomType custom && custom.isPartitionerOrder())) {
      column.type().validate(v);
    }
  }
}
