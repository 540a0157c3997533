package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import java.util.List;

/**
 * The system keyspaces and their generated tables. STUB: the system-tables work fills this in with
 * system, system_schema, system_auth, system_distributed, system_traces, system_views and
 * system_virtual_schema, with Cassandra 5.0's exact columns.
 */
public final class SystemKeyspaces {

  private SystemKeyspaces() {}

  /** The system keyspaces' metadata, to merge into every schema snapshot. */
  public static List<KeyspaceMetadata> keyspaces() {
    return List.of();
  }

  /** The generated tables, or null when {@code keyspace.table} is not one. */
  public static SystemTable table(String keyspace, String table) {
    return null;
  }
}
