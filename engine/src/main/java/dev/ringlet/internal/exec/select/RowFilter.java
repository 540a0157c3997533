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
 * <p>Every filter of a statement has this form, as in 5.0: single-column comparisons, {@code IN},
 * {@code IS NOT NULL}, collection {@code CONTAINS} and {@code CONTAINS KEY}, map entries
 * ({@code m[k] = v}) and token comparisons (multi-column relations are clustering slices or names,
 * not filters). The expressions an index serves are marked: a replica reads only the rows the index
 * finds, as 5.0's index searcher reads only its hits, so only those rows are counted.
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
    TOKEN,
    /** {@code column CONTAINS value} or {@code column CONTAINS KEY key} on a collection. */
    CONTAINS,
    /** {@code column[key] = value} on a non-frozen map: the values are the key and the value. */
    MAP_ENTRY
  }

  /**
   * One restriction: its column's name (null for a token), operator and bound values, and whether
   * an index serves it (the command reads only the rows the index finds).
   */
  public record Expression(Kind kind, String column, Operator operator, List<ByteBuffer> values, boolean indexed) {
    public Expression {
      values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** An expression that no index serves. */
    public Expression(Kind kind, String column, Operator operator, List<ByteBuffer> values) {
      this(kind, column, operator, values, false);
    }

    /** This expression as served by an index. */
    Expression served() {
      return new Expression(kind, column, operator, values, true);
    }

    /** 5.0's row filter text of the expression: {@code v = 1}, {@code s CONTAINS 1}, {@code m[1] = 2}. */
    String cql(ColumnMetadata c) {
      String name = ReadCommandCql.quote(c.name());
      if (kind == Kind.MAP_ENTRY) {
        dev.ringlet.internal.types.MapType m = (dev.ringlet.internal.types.MapType) c.type();
        return name + "[" + m.key().toCqlLiteral(values.get(0)) + "] = " + m.value().toCqlLiteral(values.get(1));
      }
      dev.ringlet.internal.types.CqlType type = kind != Kind.CONTAINS ? c.type()
          : operator == Operator.CONTAINS_KEY ? ((dev.ringlet.internal.types.MapType) c.type()).key()
          : ContainsPredicate.valueType(c.type());
      return name + " " + operator + " " + type.toCqlLiteral(values.get(0));
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
    List<RowPredicate> indexed = new ArrayList<>();
    for (Expression e : expressions) {
      if (e.kind() == Kind.TOKEN) {
        continue;
      }
      RowPredicate p = predicate(table, e);
      predicates.add(p);
      if (e.indexed()) {
        indexed.add(p);
      }
    }
    return new Rows(table, predicates, indexed);
  }

  private static RowPredicate predicate(TableMetadata table, Expression e) {
    ColumnMetadata c = table.column(e.column());
    if (c == null) {
      return row -> false;
    }
    switch (e.kind()) {
      case IN:
        return RowPredicate.in(c, e.values());
      case CONTAINS:
        return new ContainsPredicate(c, e.operator() == Operator.CONTAINS_KEY, e.values().get(0));
      case MAP_ENTRY:
        return CollectionRestrictions.mapEntry(c, e.values().get(0), e.values().get(1));
      default:
        ByteBuffer value = e.values().isEmpty() ? null : e.values().get(0);
        dev.ringlet.internal.schema.IndexMetadata sai = e.indexed() ? IndexSupport.saiOn(table, c.name()) : null;
        if (e.operator() == Operator.EQ && value != null && IndexSupport.analyses(sai, c.type())) {
          return IndexSupport.analysedEquals(sai, c, value);
        }
        return RowPredicate.compare(c, e.operator(), value);
    }
  }

  /** The row filter's predicates on one table's rows. */
  public static final class Rows {
    private final TableMetadata table;
    private final List<RowPredicate> predicates;
    private final List<RowPredicate> indexed;

    private Rows(TableMetadata table, List<RowPredicate> predicates, List<RowPredicate> indexed) {
      this.table = table;
      this.predicates = predicates;
      this.indexed = indexed;
    }

    /** Whether the row of the partition passes every expression. */
    public boolean test(LivePartition partition, LiveRow row, long nowInSeconds) {
      return all(predicates, partition, row, nowInSeconds);
    }

    /** Whether an index serves the command: it reads only the rows the index finds ({@link #hit}). */
    public boolean indexed() {
      return !indexed.isEmpty();
    }

    /** Whether the index finds the row: it passes every expression an index serves. */
    public boolean hit(LivePartition partition, LiveRow row, long nowInSeconds) {
      return all(indexed, partition, row, nowInSeconds);
    }

    private boolean all(List<RowPredicate> tests, LivePartition partition, LiveRow row, long nowInSeconds) {
      RowAccess access = new RowAccess(partition, PartitionKeys.split(table, partition.key().key()), row, nowInSeconds);
      for (RowPredicate p : tests) {
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
