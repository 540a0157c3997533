package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code system_schema.indexes}. The schema model has no secondary indexes yet, so this shows the
 * one index every Cassandra 5.0 node has: Paxos's own index on {@code system.paxos}.
 */
record SchemaIndexesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    if (schema.table("system", "paxos") == null) return List.of();
    Map<String, Object> row = new HashMap<>();
    row.put("keyspace_name", "system");
    row.put("table_name", "paxos");
    row.put("index_name", "PaxosUncommittedIndex");
    row.put("kind", "CUSTOM");
    row.put("options", new TreeMap<>(Map.of(
        "class_name", "org.apache.cassandra.service.paxos.uncommitted.PaxosUncommittedIndex", "target", "")));
    return List.of(row);
  }
}
