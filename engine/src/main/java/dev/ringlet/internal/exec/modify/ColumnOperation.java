package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import java.nio.ByteBuffer;
import java.util.Map;

/** Sets one column to a value (null deletes it, unset leaves it alone). */
record ColumnOperation(ColumnMetadata column, BoundTerm value) {

  void apply(BoundValues values, WriteContext ctx, int ttl, Map<String, Cell> cells) {
    ByteBuffer v = value.bind(values);
    if (v == QueryOptions.UNSET) {
      return;
    }
    if (v == null) {
      cells.put(column.name(), Cell.tombstone(ctx.timestamp(), ctx.nowInSeconds()));
    } else {
      cells.put(column.name(), Cell.expiring(v, ctx.timestamp(), ttl, ctx.nowInSeconds()));
    }
  }
}
