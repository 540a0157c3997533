package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.select.RowAccess;
import dev.ringlet.internal.types.CqlType;
import java.nio.ByteBuffer;
import java.util.function.Function;

/**
 * One compiled element of a SELECT clause: its result column name and type, whether it
 * aggregates rows, and how to evaluate it. An {@link Evaluator} is fed the rows of one result
 * row: a per-row selector keeps the first row's value (Cassandra's rule for plain columns beside
 * aggregates), an aggregate accumulates them all.
 */
public record CompiledSelector(String name, CqlType type, boolean aggregate, boolean usesStatic,
    Function<BoundValues, Evaluator> evaluator) {

  /** Evaluates a selector over the rows of one result row. */
  public interface Evaluator {
    void add(RowAccess row);

    ByteBuffer result();
  }

  /** A per-row selector from a function of the row and the bound values. */
  static CompiledSelector perRow(String name, CqlType type, boolean usesStatic, RowFunction value) {
    return new CompiledSelector(name, type, false, usesStatic, values -> new Evaluator() {
      boolean seen;
      ByteBuffer result;

      @Override
      public void add(RowAccess row) {
        if (!seen) {
          seen = true;
          result = value.apply(row, values);
        }
      }

      @Override
      public ByteBuffer result() {
        return result;
      }
    });
  }

  /** The value of a per-row selector for one row. */
  @FunctionalInterface
  interface RowFunction {
    ByteBuffer apply(RowAccess row, BoundValues values);
  }

  /** This selector's value for one row (per-row selectors only). */
  public ByteBuffer valueOf(RowAccess row, BoundValues values) {
    Evaluator e = evaluator.apply(values);
    e.add(row);
    return e.result();
  }
}
