package dev.ringlet.internal.exec.select;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** How one result column is computed: from each row, or by an aggregate over all rows. */
public sealed interface Output {

  /**
   * A value computed from one row; {@code terminal}: the same for every row, known without one
   * (5.0's {@code TermSelector}, which still answers its value in an aggregation over no rows).
   */
  record PerRow(java.util.function.Function<RowAccess, ByteBuffer> value, boolean terminal) implements Output {
    public PerRow(java.util.function.Function<RowAccess, ByteBuffer> value) {
      this(value, false);
    }
  }

  /** An aggregate; a new accumulator per execution. */
  record Aggregated(Supplier<Accumulator> accumulator) implements Output {}

  /** Accumulates rows into one value. */
  interface Accumulator {
    void add(RowAccess row);

    ByteBuffer result();
  }
}
