package dev.ringlet.internal.schema;

import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** An immutable schema snapshot; every change makes a new one with a new {@code version}. */
public record Schema(UUID version, Map<String, KeyspaceMetadata> keyspaces) {

  public Schema {
    keyspaces = java.util.Collections.unmodifiableMap(new TreeMap<>(keyspaces));
  }

  public KeyspaceMetadata keyspace(String name) {
    return keyspaces.get(name);
  }

  /** The table, or null when the keyspace or table does not exist. */
  public TableMetadata table(String keyspace, String table) {
    KeyspaceMetadata ks = keyspaces.get(keyspace);
    return ks == null ? null : ks.tables().get(table);
  }

  /** A new snapshot with the keyspace added or replaced. */
  public Schema with(KeyspaceMetadata keyspace, UUID newVersion) {
    Map<String, KeyspaceMetadata> m = new TreeMap<>(keyspaces);
    m.put(keyspace.name(), keyspace);
    return new Schema(newVersion, m);
  }

  /** A new snapshot without the keyspace. */
  public Schema without(String keyspace, UUID newVersion) {
    Map<String, KeyspaceMetadata> m = new TreeMap<>(keyspaces);
    m.remove(keyspace);
    return new Schema(newVersion, m);
  }
}
