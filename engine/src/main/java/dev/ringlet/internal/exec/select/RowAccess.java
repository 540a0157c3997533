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

  /** The column's cell; a non-frozen collection or user type assembled from its live elements. */
  public Cell cell(ColumnMetadata column) {
    LiveRow source = column.kind() == ColumnMetadata.Kind.STATIC ? partition.staticRow() : row;
    if (source == null) {
      return null;
    }
    if (column.type().isMultiCell()) {
      Cell whole = source.cell(column.name());
      return whole != null ? whole : ComplexValues.assemble(column.type(), source.elements(column.name()));
    }
    return source.cell(column.name());
  }

  /** The live element cells of a non-frozen collection or user-type column, by cell path. */
  public java.util.Map<ByteBuffer, Cell> elements(ColumnMetadata column) {
    LiveRow source = column.kind() == ColumnMetadata.Kind.STATIC ? partition.staticRow() : row;
    return source == null ? java.util.Map.of() : source.elements(column.name());
  }

  public long token() {
    return partition.key().token();
  }
}
