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
    boolean virtual,
    UserFunctions functions) {

  /** A keyspace without user-defined functions or aggregates. */
  public KeyspaceMetadata(String name, boolean durableWrites, ReplicationParams replication,
      Map<String, TableMetadata> tables, Map<String, UserType> types, boolean virtual) {
    this(name, durableWrites, replication, tables, types, virtual, UserFunctions.NONE);
  }

  public KeyspaceMetadata {
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    types = java.util.Collections.unmodifiableMap(new TreeMap<>(types));
    functions = functions == null ? UserFunctions.NONE : functions;
  }

  /** This keyspace with its user-defined functions and aggregates replaced. */
  public KeyspaceMetadata withFunctions(UserFunctions newFunctions) {
    return new KeyspaceMetadata(name, durableWrites, replication, tables, types, virtual, newFunctions);
  }

  public KeyspaceMetadata withTable(TableMetadata table) {
    Map<String, TableMetadata> t = new TreeMap<>(tables);
    t.put(table.name(), table);
    return new KeyspaceMetadata(name, durableWrites, replication, t, types, virtual, functions);
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

  /** The materialized views whose base table is {@code baseTableId}, by name. */
  public java.util.List<TableMetadata> viewsOf(java.util.UUID baseTableId) {
    return tables.values().stream().filter(t -> t.isView() && t.view().baseTableId().equals(baseTableId)).toList();
  }

  public KeyspaceMetadata withoutTable(String table) {
    Map<String, TableMetadata> t = new TreeMap<>(tables);
    t.remove(table);
    return new KeyspaceMetadata(name, durableWrites, replication, t, types, virtual, functions);
  }
}
