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
import java.util.function.Function;

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

  /** Generated tables by {@code keyspace.table}; the tables not named here are {@link EmptyTable}s. */
  private static final Map<String, Function<TableMetadata, SystemTable>> GENERATED = Map.ofEntries(
      Map.entry(SYSTEM + ".local", LocalTable::new),
      Map.entry(SYSTEM + ".peers", PeersTable::new),
      Map.entry(SYSTEM + ".peers_v2", PeersV2Table::new),
      Map.entry(SYSTEM + ".built_views", BuildStatusTables.BuiltViews::new),
      Map.entry(SYSTEM + ".IndexInfo", BuildStatusTables.IndexInfo::new),
      Map.entry(DISTRIBUTED + ".view_build_status", BuildStatusTables.ViewBuildStatus::new),
      Map.entry(SCHEMA + ".keyspaces", SchemaKeyspacesTable::new),
      Map.entry(SCHEMA + ".tables", SchemaTablesTable::new),
      Map.entry(SCHEMA + ".views", SchemaViewsTable::new),
      Map.entry(SCHEMA + ".columns", m -> new SchemaColumnsTable(m, false)),
      Map.entry(SCHEMA + ".types", SchemaTypesTable::new),
      Map.entry(SCHEMA + ".functions", SchemaFunctionsTable::new),
      Map.entry(SCHEMA + ".aggregates", SchemaAggregatesTable::new),
      Map.entry(SCHEMA + ".dropped_columns", SchemaDroppedColumnsTable::new),
      Map.entry(SCHEMA + ".column_masks", SchemaColumnMasksTable::new),
      Map.entry(SCHEMA + ".indexes", SchemaIndexesTable::new),
      Map.entry(VIRTUAL_SCHEMA + ".keyspaces", VirtualKeyspacesTable::new),
      Map.entry(VIRTUAL_SCHEMA + ".tables", VirtualTablesTable::new),
      Map.entry(VIRTUAL_SCHEMA + ".columns", m -> new SchemaColumnsTable(m, true)));

  private static final Map<String, SystemTable> TABLES = tables();

  private SystemKeyspaces() {}

  /** The system keyspaces' metadata, to merge into every schema snapshot. */
  public static List<KeyspaceMetadata> keyspaces() {
    return KEYSPACES;
  }

  /** Whether user DDL must leave this keyspace alone. */
  public static boolean isSystemKeyspace(String keyspace) {
    return KEYSPACES.stream().anyMatch(ks -> ks.name().equals(keyspace));
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
      if (ks.name().equals(AUTH)) {
        continue; // real tables: roles and permissions are written to them like data
      }
      for (TableMetadata t : ks.tables().values()) {
        String key = ks.name() + "." + t.name();
        tables.put(key, GENERATED.getOrDefault(key, EmptyTable::new).apply(t));
      }
    }
    return Map.copyOf(tables);
  }

  /** The names of all generated tables, for tests. */
  static List<String> tableNames() {
    return new ArrayList<>(TABLES.keySet());
  }
}
