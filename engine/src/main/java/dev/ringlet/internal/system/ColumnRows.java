package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows {@code system_schema.columns} and {@code system_virtual_schema.columns} show for a table:
 * {@code clustering_order} {@code 'asc'}/{@code 'desc'} for clustering columns and {@code 'none'}
 * otherwise, {@code position} within the key or -1, the name's UTF-8 bytes, the type text.
 */
final class ColumnRows {

  private ColumnRows() {}

  static List<Map<String, Object>> of(TableMetadata table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ColumnMetadata column : table.columns()) {
      Map<String, Object> row = new HashMap<>();
      row.put("keyspace_name", table.keyspace());
      row.put("table_name", table.name());
      row.put("column_name", column.name());
      row.put("clustering_order", clusteringOrder(column));
      row.put("column_name_bytes", ByteBuffer.wrap(column.name().getBytes(StandardCharsets.UTF_8)));
      row.put("kind", column.kind().schemaName());
      row.put("position", column.isPrimaryKey() ? column.position() : -1);
      row.put("type", ColumnTypeText.of(column.type()));
      rows.add(row);
    }
    return rows;
  }

  private static String clusteringOrder(ColumnMetadata column) {
    if (column.kind() != ColumnMetadata.Kind.CLUSTERING) return "none";
    return column.reversed() ? "desc" : "asc";
  }
}
