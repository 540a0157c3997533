package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code system_schema.keyspaces}: every non-virtual keyspace with its replication map (full class name). */
record SchemaKeyspacesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual()) continue;
      Map<String, Object> row = new HashMap<>();
      row.put("keyspace_name", ks.name());
      row.put("durable_writes", ks.durableWrites());
      row.put("replication", ks.replication().asMap());
      rows.add(row);
    }
    return rows;
  }
}
