package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.IndexMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code system_schema.indexes}: every table's listed indexes ({@link TableMetadata#listedIndexes()}),
 * among them the one every Cassandra 5.0 node has, Paxos's own index on {@code system.paxos}.
 */
record SchemaIndexesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata t : ks.tables().values()) {
        for (IndexMetadata i : t.listedIndexes().values()) {
          rows.add(row(ks.name(), t.name(), i.name(), i.kind().name(), i.options()));
        }
      }
    }
    return rows;
  }

  private static Map<String, Object> row(String keyspace, String table, String index, String kind, Map<String, String> options) {
    Map<String, Object> row = new HashMap<>();
    row.put("keyspace_name", keyspace);
    row.put("table_name", table);
    row.put("index_name", index);
    row.put("kind", kind);
    row.put("options", new TreeMap<>(options));
    return row;
  }
}
