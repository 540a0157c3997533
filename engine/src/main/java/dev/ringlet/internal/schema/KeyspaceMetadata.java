package dev.ringlet.internal.schema;

import dev.ringlet.internal.types.UserType;
import java.util.Map;
import java.util.TreeMap;

/** A keyspace with its tables and user types, by name. Immutable; changes make new instances. */
public record KeyspaceMetadata(
    String name,
    boolean durableWrites,
    ReplicationParams replication,
    Map<String, TableMetadata> tables,
    Map<String, UserType> types,
    boolean virtual) {

  public KeyspaceMetadata {
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    types = java.util.Collections.unmodifiableMap(new TreeMap<>(types));
  }

  public KeyspaceMetadata withTable(TableMetadata table) {
    Map<String, TableMetadata> t = new TreeMap<>(tables);
    t.put(table.name(), table);
    return new KeyspaceMetadata(name, durableWrites, replication, t, types, virtual);
  }

  /** The table that holds the index of that name, or null: index names are unique in a keyspace. */
  public TableMetadata tableOfIndex(String indexName) {
    for (TableMetadata t : tables.values()) {
      if (t.indexes().containsKey(indexName)) {
        return t;
      }
    }
    return null;
  }

  public KeyspaceMetadata withoutTable(String table) {
    Map<String, TableMetadata> t = new TreeMap<>(tables);
    t.remove(table);
    return new KeyspaceMetadata(name, durableWrites, replication, t, types, virtual);
  }
}
