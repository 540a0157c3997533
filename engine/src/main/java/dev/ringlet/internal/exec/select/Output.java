package dev.ringlet.internal.exec.select;

import java.nio.ByteBuffer;
import java.util.function.Supplier;

/** How one result column is computed: from each row, or by an aggregate over all rows. */
public sealed interface Output {

  /** A value computed from one row. */
  record PerRow(java.util.function.Function<RowAccess, ByteBuffer> value) implements Output {}

  /** An aggregate; a new accumulator per execution. */
  record Aggregated(Supplier<Accumulator> accumulator) implements Output {}

  /** Accumulates rows into one value. */
  interface Accumulator {
    void add(RowAccess row);

    ByteBuffer result();
  }
}
