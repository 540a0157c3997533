package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code system_virtual_schema.keyspaces}: the names of the virtual keyspaces. */
record VirtualKeyspacesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual()) rows.add(Map.of("keyspace_name", ks.name()));
    }
    return rows;
  }
}
