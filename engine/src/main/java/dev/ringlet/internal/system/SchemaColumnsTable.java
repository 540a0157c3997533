package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code system_schema.columns}, or {@code system_virtual_schema.columns} when {@code virtual}: every column of every table. */
record SchemaColumnsTable(TableMetadata metadata, boolean virtual) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual() != virtual) continue;
      for (TableMetadata table : ks.tables().values()) {
        rows.addAll(ColumnRows.of(table));
      }
    }
    return rows;
  }
}
