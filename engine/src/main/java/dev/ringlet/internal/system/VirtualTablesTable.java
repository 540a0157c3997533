package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code system_virtual_schema.tables}: every virtual table with its comment. */
record VirtualTablesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (!ks.virtual()) continue;
      for (TableMetadata table : ks.tables().values()) {
        rows.add(Map.of("keyspace_name", ks.name(), "table_name", table.name(), "comment", table.params().comment()));
      }
    }
    return rows;
  }
}
