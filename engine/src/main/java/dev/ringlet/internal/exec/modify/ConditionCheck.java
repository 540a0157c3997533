package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import java.nio.ByteBuffer;
import java.util.List;

/** One LWT condition {@code IF col op value} (or {@code IN}) on a column's current value. */
public record ConditionCheck(ColumnMetadata column, Operator operator, BoundTerm value, List<BoundTerm> inValues) {

  /** Whether the current value (null when none) satisfies the condition. */
  public boolean test(ByteBuffer current, BoundValues values) {
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
    int c = column.type().compare(current, expected);
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
    return column.type().compare(a, b) == 0;
  }
}
