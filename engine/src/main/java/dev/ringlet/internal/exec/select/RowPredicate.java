package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A restriction evaluated on a candidate row, with its values bound for one execution. */
@FunctionalInterface
public interface RowPredicate {

  boolean test(RowAccess row);

  /** {@code column op value} (value null: IS NOT NULL). */
  static RowPredicate compare(ColumnMetadata column, Operator op, ByteBuffer value) {
    CqlType type = column.type();
    return row -> {
      ByteBuffer actual = row.value(column);
      if (op == Operator.IS_NOT) {
        return actual != null;
      }
      if (actual == null || value == null) {
        return false;
      }
      return matches(op, type.compare(actual, value));
    };
  }

  static RowPredicate in(ColumnMetadata column, List<ByteBuffer> values) {
    CqlType type = column.type();
    return row -> {
      ByteBuffer actual = row.value(column);
      if (actual == null) {
        return false;
      }
      for (ByteBuffer v : values) {
        if (v != null && type.compare(actual, v) == 0) {
          return true;
        }
      }
      return false;
    };
  }

  /** {@code (a, b) op (x, y)}: lexicographic in each column's type order. */
  static RowPredicate multiCompare(List<ColumnMetadata> columns, Operator op, List<ByteBuffer> values) {
    return row -> {
      int c = 0;
      for (int i = 0; i < columns.size() && c == 0; i++) {
        ByteBuffer actual = row.value(columns.get(i));
        if (actual == null || values.get(i) == null) {
          return false;
        }
        c = columns.get(i).type().compare(actual, values.get(i));
      }
      return matches(op, c);
    };
  }

  static RowPredicate multiIn(List<ColumnMetadata> columns, List<List<ByteBuffer>> tuples) {
    List<RowPredicate> options = new ArrayList<>();
    for (List<ByteBuffer> t : tuples) {
      options.add(multiCompare(columns, Operator.EQ, t));
    }
    return row -> options.stream().anyMatch(p -> p.test(row));
  }

  static RowPredicate token(Operator op, long bound) {
    return row -> matches(op, Long.compare(row.token(), bound));
  }

  static boolean matches(Operator op, int c) {
    switch (op) {
      case EQ:
        return c == 0;
      case NEQ:
        return c != 0;
      case LT:
        return c < 0;
      case LTE:
        return c <= 0;
      case GT:
        return c > 0;
      case GTE:
        return c >= 0;
      default:
        throw new IllegalArgumentException("operator: " + op + " (expected: a comparison)");
    }
  }

  /** A predicate whose values are bound at execution time. */
  @FunctionalInterface
  interface Factory {
    RowPredicate bind(BoundValues values);
  }
}
