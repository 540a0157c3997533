package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One LWT condition {@code IF col op value} (or {@code IN}) on a column's current value, or on one
 * of its elements or fields ({@code IF m[k] = v}, {@code IF l[i] = v}, {@code IF u.f = v}):
 * {@code element} then picks the compared value out of the column's, compared in type {@code type}.
 */
public record ConditionCheck(ColumnMetadata column, Operator operator, BoundTerm value, List<BoundTerm> inValues,
    CqlType type, ElementAccess element) {

  /** Picks an element or field out of a column's value (null when absent). */
  @FunctionalInterface
  interface ElementAccess {
    ByteBuffer get(ByteBuffer columnValue, BoundValues values);
  }

  public ConditionCheck(ColumnMetadata column, Operator operator, BoundTerm value, List<BoundTerm> inValues) {
    this(column, operator, value, inValues, column.type(), null);
  }

  /** Whether the current value of the column (null when none) satisfies the condition. */
  public boolean test(ByteBuffer columnValue, BoundValues values) {
    ByteBuffer current = element == null || columnValue == null ? columnValue : element.get(columnValue, values);
    if (operator == Operator.IN) {
      for (BoundTerm t : inValues) {
        if (equal(current, t.bind(values))) {
          return true;
        }
      }
      return false;
    }
    ByteBuffer expected = value.bind(values);
    if (operator == Operator.EQ) {
      return equal(current, expected);
    }
    if (operator == Operator.NEQ) {
      return !equal(current, expected);
    }
    if (current == null || expected == null) {
      return false;
    }
    int c = type.compare(current, expected);
    switch (operator) {
      case LT:
        return c < 0;
      case LTE:
        return c <= 0;
      case GT:
        return c > 0;
      case GTE:
        return c >= 0;
      default:
        throw new IllegalStateException("operator " + operator);
    }
  }

  private boolean equal(ByteBuffer a, ByteBuffer b) {
    if (a == null || b == null) {
      return a == null && b == null;
    }
    return type.compare(a, b) == 0;
  }
}
