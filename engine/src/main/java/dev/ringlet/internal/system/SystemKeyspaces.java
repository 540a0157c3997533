package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.UserType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The system keyspaces of Cassandra 5.0 as clients see them, and the tables whose rows Ringlet
 * generates. Replication as 5.0 shows it: {@code system} and {@code system_schema} LocalStrategy,
 * {@code system_auth} SimpleStrategy 1, {@code system_distributed} 3, {@code system_traces} 2; the
 * virtual keyspaces {@code system_views} and {@code system_virtual_schema} are listed in
 * {@code system_virtual_schema} only. The {@code system_auth} tables are stored, not generated:
 * the role manager and authorizer write to them. Every other built-in table is there, empty.
 *
 * <p>Built once: everything here is immutable.
 */
public final class SystemKeyspaces {

  public static final String SYSTEM = "system";
  public static final String SCHEMA = "system_schema";
  public static final String AUTH = "system_auth";
  public static final String DISTRIBUTED = "system_distributed";
  public static final String TRACES = "system_traces";
  public static final String VIEWS = "system_views";
  public static final String VIRTUAL_SCHEMA = "system_virtual_schema";

  private static final List<KeyspaceMetadata> KEYSPACES = List.of(
      keyspace(SYSTEM, ReplicationParams.local(), SystemKeyspaceTables.TABLES, false),
      keyspace(SCHEMA, ReplicationParams.local(), SchemaKeyspaceTables.TABLES, false),
      keyspace(AUTH, ReplicationParams.simple(1), AuthKeyspaceTables.TABLES, false),
      keyspace(DISTRIBUTED, ReplicationParams.simple(3), DistributedKeyspaceTables.TABLES, false),
      keyspace(TRACES, ReplicationParams.simple(2), TracesKeyspaceTables.TABLES, false),
      keyspace(VIEWS, ReplicationParams.local(), ViewsKeyspaceTables.TABLES, true),
      keyspace(VIRTUAL_SCHEMA, ReplicationParams.local(), VirtualSchemaKeyspaceTables.TABLES, true));

  private static final Map<String, SystemTable> TABLES = tables();

  private SystemKeyspaces() {}

  /** The system keyspaces' metadata, to merge into every schema snapshot. */
  public static List<KeyspaceMetadata> keyspaces() {
    return KEYSPACES;
  }

  /** Whether user DDL must leave this keyspace alone. */
  public static boolean isSystemKeyspace(String keyspace) {
    for (KeyspaceMetadata ks : KEYSPACES) {
      if (ks.name().equals(keyspace)) {
        return true;
      }
    }
    return false;
  }

  /** The generated tables, or null when {@code keyspace.table} is not one. */
  public static SystemTable table(String keyspace, String table) {
    return TABLES.get(keyspace + "." + table);
  }

  private static KeyspaceMetadata keyspace(String name, ReplicationParams replication,
      List<TableDefinitions.TableDefinition> definitions, boolean virtual) {
    Map<String, TableMetadata> tables = new LinkedHashMap<>();
    for (TableDefinitions.TableDefinition d : definitions) {
      tables.put(d.name(), d.toMetadata(name, virtual));
    }
    return new KeyspaceMetadata(name, true, replication, tables, Map.<String, UserType>of(), virtual);
  }

  private static Map<String, SystemTable> tables() {
    Map<String, SystemTable> tables = new HashMap<>();
    for (KeyspaceMetadata ks : KEYSPACES) {
      if (ks.name().equals(AUTH) || ks.name().equals(TRACES)) {
        continue; // real tables: roles, permissions and query traces are written to them like data
      }
      for (TableMetadata t : ks.tables().values()) {
        String key = ks.name() + "." + t.name();
        tables.put(key, generated(key, t));
      }
    }
    return Map.copyOf(tables);
  }

  /**
   * The table that generates {@code keyspace.table}'s rows; an {@link EmptyTable} for the tables not
   * named here. (A switch rather than a map of constructor references: the first start links no
   * lambda for each.)
   */
  private static SystemTable generated(String key, TableMetadata t) {
    switch (key) {
      case SYSTEM + ".local": return new LocalTable(t);
      case SYSTEM + ".peers": return new PeersTable(t);
      case SYSTEM + ".peers_v2": return new PeersV2Table(t);
      case SYSTEM + ".built_views": return new BuildStatusTables.BuiltViews(t);
      case SYSTEM + ".IndexInfo": return new BuildStatusTables.IndexInfo(t);
      case DISTRIBUTED + ".view_build_status": return new BuildStatusTables.ViewBuildStatus(t);
      case SCHEMA + ".keyspaces": return new SchemaKeyspacesTable(t);
      case SCHEMA + ".tables": return new SchemaTablesTable(t);
      case SCHEMA + ".views": return new SchemaViewsTable(t);
      case SCHEMA + ".columns": return new SchemaColumnsTable(t, false);
      case SCHEMA + ".types": return new SchemaTypesTable(t);
      case SCHEMA + ".functions": return new SchemaFunctionsTable(t);
      case SCHEMA + ".aggregates": return new SchemaAggregatesTable(t);
      case SCHEMA + ".dropped_columns": return new SchemaDroppedColumnsTable(t);
      case SCHEMA + ".column_masks": return new SchemaColumnMasksTable(t);
      case SCHEMA + ".indexes": return new SchemaIndexesTable(t);
      case VIRTUAL_SCHEMA + ".keyspaces": return new VirtualKeyspacesTable(t);
      case VIRTUAL_SCHEMA + ".tables": return new VirtualTablesTable(t);
      case VIRTUAL_SCHEMA + ".columns": return new SchemaColumnsTable(t, true);
      default: return new EmptyTable(t);
    }
  }

  /** The names of all generated tables, for tests. */
  static List<String> tableNames() {
    return new ArrayList<>(TABLES.keySet());
  }
}
