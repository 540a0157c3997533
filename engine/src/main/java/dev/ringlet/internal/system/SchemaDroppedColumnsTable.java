package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.DroppedColumn;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code system_schema.dropped_columns}: every column dropped from a table, with when and its type. */
record SchemaDroppedColumnsTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata table : ks.tables().values()) {
        for (DroppedColumn d : table.droppedColumns().values()) {
          Map<String, Object> row = new HashMap<>();
          row.put("keyspace_name", ks.name());
          row.put("table_name", table.name());
          row.put("column_name", d.name());
          row.put("dropped_time", Instant.ofEpochMilli(d.droppedTimeMicros() / 1000));
          row.put("kind", d.isStatic() ? "static" : "regular");
          row.put("type", ColumnTypeText.of(d.type()));
          rows.add(row);
        }
      }
    }
    return rows;
  }
}
