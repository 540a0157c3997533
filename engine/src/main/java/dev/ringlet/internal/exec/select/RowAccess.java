package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * One candidate result row: a partition's key components, its static row, and one of its rows
 * ({@code row} null for the "static only" row of a partition without live rows).
 */
public record RowAccess(LivePartition partition, List<ByteBuffer> keyComponents, LiveRow row, long nowInSeconds) {

  public ByteBuffer value(ColumnMetadata column) {
    switch (column.kind()) {
      case PARTITION_KEY:
        return keyComponents.get(column.position());
      case CLUSTERING:
        return row == null ? null : row.clustering().get(column.position());
      default:
        Cell c = cell(column);
        return c == null ? null : c.value();
    }
  }

  public Cell cell(ColumnMetadata column) {
    if (column.kind() == ColumnMetadata.Kind.STATIC) {
      return partition.staticRow().cell(column.name());
    }
    return row == null ? null : row.cell(column.name());
  }

  public long token() {
    return partition.key().token();
  }
}
