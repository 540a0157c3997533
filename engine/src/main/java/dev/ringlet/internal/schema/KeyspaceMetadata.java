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
    UserFunctions functions,
    Map<LeftoverMask.Key, ColumnMask> leftoverMasks) {

  /** A keyspace without user-defined functions or aggregates. */
  public KeyspaceMetadata(String name, boolean durableWrites, ReplicationParams replication,
      Map<String, TableMetadata> tables, Map<String, UserType> types, boolean virtual) {
    this(name, durableWrites, replication, tables, types, virtual, UserFunctions.NONE);
  }

  /** A keyspace without {@link LeftoverMask leftover mask rows}. */
  public KeyspaceMetadata(String name, boolean durableWrites, ReplicationParams replication,
      Map<String, TableMetadata> tables, Map<String, UserType> types, boolean virtual, UserFunctions functions) {
    this(name, durableWrites, replication, tables, types, virtual, functions, Map.of());
  }

  public KeyspaceMetadata {
    tables = java.util.Collections.unmodifiableMap(new TreeMap<>(tables));
    types = java.util.Collections.unmodifiableMap(new TreeMap<>(types));
    functions = functions == null ? UserFunctions.NONE : functions;
    leftoverMasks = leftoverMasks == null ? Map.of() : Map.copyOf(leftoverMasks);
  }

  /** This keyspace with its user-defined functions and aggregates replaced. */
  public KeyspaceMetadata withFunctions(UserFunctions newFunctions) {
    return new KeyspaceMetadata(name, durableWrites, replication, tables, types, virtual, newFunctions, leftoverMasks);
  }

  /** The same keyspace with these leftover mask rows (ALTER KEYSPACE and the like keep them). */
  public KeyspaceMetadata withLeftoverMasks(Map<LeftoverMask.Key, ColumnMask> leftovers) {
    return new KeyspaceMetadata(name, durableWrites, replication, tables, types, virtual, functions, leftovers);
  }

  public KeyspaceMetadata withTable(TableMetadata table) {
    Map<String, TableMetadata> t = new TreeMap<>(tables);
    TableMetadata previous = t.put(table.name(), table);
    return new KeyspaceMetadata(name, durableWrites, replication, t, types, virtual, functions,
        LeftoverMask.afterWrite(leftoverMasks, previous, table));
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

  /** The table that lists the index of that name ({@link TableMetadata#listedIndexes()}), or null. */
  public TableMetadata tableListingIndex(String indexName) {
    for (TableMetadata t : tables.values()) {
      if (t.listedIndexes().containsKey(indexName)) {
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
    TableMetadata removed = t.remove(table);
    return new KeyspaceMetadata(name, durableWrites, replication, t, types, virtual, functions,
        LeftoverMask.afterDrop(leftoverMasks, removed));
  }
}
