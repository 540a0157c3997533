package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * What a write does to one column: set it to a value (null deletes it, unset leaves it alone), or
 * add to / subtract from a counter.
 */
record ColumnOperation(ColumnMetadata column, BoundTerm value, Kind kind) {

  enum Kind {
    SET,
    COUNTER_ADD,
    COUNTER_SUBTRACT
  }

  ColumnOperation(ColumnMetadata column, BoundTerm value) {
    this(column, value, Kind.SET);
  }

  void apply(BoundValues values, WriteContext ctx, int ttl, Map<String, Cell> cells) {
    ByteBuffer v = value.bind(values);
    if (v == QueryOptions.UNSET) {
      return;
    }
    if (kind != Kind.SET) {
      if (v == null) {
        throw CqlException.invalid("Invalid null value for counter increment");
      }
      long delta = v.getLong(v.position());
      cells.merge(column.name(), Cell.counterDelta(kind == Kind.COUNTER_ADD ? delta : -delta, ctx.timestamp()),
          dev.ringlet.internal.storage.Reconciliation::reconcile);
      return;
    }
    if (v == null) {
      cells.put(column.name(), Cell.tombstone(ctx.timestamp(), ctx.nowInSeconds()));
    } else {
      cells.put(column.name(), Cell.expiring(v, ctx.timestamp(), ttl, ctx.nowInSeconds()));
    }
  }
}
