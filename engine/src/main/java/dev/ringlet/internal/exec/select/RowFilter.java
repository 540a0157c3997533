package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A read command's row filter as values that travel with it to the replicas (5.0's
 * {@code RowFilter}, serialized in its READ and RANGE_READ messages): each expression names its
 * column, operator and bound values, so a replica evaluates it on its own rows and its tombstone
 * count stops at the row that fills the command's limit, as 5.0's replica stops reading there.
 * Token restrictions are expressions too: a replica does not count partitions outside them.
 *
 * <p>Only the filters a statement can express this way are shipped (single-column comparisons,
 * {@code IN}, {@code IS NOT NULL}, token comparisons); a statement with others (collection
 * {@code CONTAINS}, map entries, multi-column relations, index-served relations) ships none, and its
 * replicas count every row of their slice.
 */
public record RowFilter(List<Expression> expressions) {

  public RowFilter {
    expressions = List.copyOf(expressions);
  }

  /** What an expression tests. */
  public enum Kind {
    /** {@code column op value}; no value: {@code IS NOT NULL}. */
    COMPARE,
    /** {@code column IN (values)}. */
    IN,
    /** {@code token(partition key) op value}, the value a bigint. */
    TOKEN
  }

  /** One restriction: its column's name (null for a token), operator and bound values. */
  public record Expression(Kind kind, String column, Operator operator, List<ByteBuffer> values) {
    public Expression {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
  }

  /** An expression whose values are bound at execution time. */
  @FunctionalInterface
  interface Factory {
    Expression bind(BoundValues values);
  }

  /** Whether the partition with this token is within every token restriction. */
  public boolean tokenMatches(long token) {
    for (Expression e : expressions) {
      if (e.kind() == Kind.TOKEN && !RowPredicate.matches(e.operator(), Long.compare(token, tokenOf(e)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the partition with this token is past a token restriction's upper end, so no later
   * partition of a scan in token order can match: where 5.0's range command ends.
   */
  public boolean tokenPast(long token) {
    for (Expression e : expressions) {
      if (e.kind() != Kind.TOKEN) {
        continue;
      }
      Operator op = e.operator();
      long bound = tokenOf(e);
      if ((op == Operator.LT || op == Operator.EQ) && token >= bound || op == Operator.LTE && token > bound) {
        return true;
      }
    }
    return false;
  }

  /** Whether any expression filters rows (not only the token range). */
  public boolean filtersRows() {
    for (Expression e : expressions) {
      if (e.kind() != Kind.TOKEN) {
        return true;
      }
    }
    return false;
  }

  /** The row filter as predicates on the rows of {@code table} (an expression naming no column of it matches nothing). */
  public Rows on(TableMetadata table) {
    List<RowPredicate> predicates = new ArrayList<>();
    for (Expression e : expressions) {
      if (e.kind() == Kind.TOKEN) {
        continue;
      }
      ColumnMetadata c = table.column(e.column());
      if (c == null) {
        predicates.add(row -> false);
      } else if (e.kind() == Kind.IN) {
        predicates.add(RowPredicate.in(c, e.values()));
      } else {
        predicates.add(RowPredicate.compare(c, e.operator(), e.values().isEmpty() ? null : e.values().get(0)));
      }
    }
    return new Rows(table, predicates);
  }

  /** The row filter's predicates on one table's rows. */
  public static final class Rows {
    private final TableMetadata table;
    private final List<RowPredicate> predicates;

    private Rows(TableMetadata table, List<RowPredicate> predicates) {
      this.table = table;
      this.predicates = predicates;
    }

    /** Whether the row of the partition passes every expression. */
    public boolean test(LivePartition partition, LiveRow row, long nowInSeconds) {
      RowAccess access = new RowAccess(partition, PartitionKeys.split(table, partition.key().key()), row, nowInSeconds);
      for (RowPredicate p : predicates) {
        if (!p.test(access)) {
          return false;
        }
      }
      return true;
    }
  }

  private static long tokenOf(Expression e) {
    return e.values().get(0).getLong(e.values().get(0).position());
  }
}
