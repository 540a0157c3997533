package dev.ringlet.internal.system;

import static dev.ringlet.internal.system.TableDefinitions.options;
import static dev.ringlet.internal.system.TableDefinitions.table;

import dev.ringlet.internal.system.TableDefinitions.TableDefinition;
import java.util.List;

/**
 * The tables of Cassandra 5.0's {@code system_virtual_schema} keyspace as clients see them in
 * {@code system_virtual_schema}: columns (see {@link TableDefinitions} for the
 * notation), comments and the options that differ from a user table's defaults. Transcribed from
 * a real 5.0.9 node ({@code golden/system/} test resources); long only because the list is.
 */
final class VirtualSchemaKeyspaceTables {

  private VirtualSchemaKeyspaceTables() {}

  static final List<TableDefinition> TABLES = List.of(
    table("columns", "virtual column definitions",
        options(),
        "keyspace_name text PK",
        "table_name text CK",
        "column_name text CK",
        "clustering_order text",
        "column_name_bytes blob",
        "kind text",
        "position int",
        "type text"),
    table("keyspaces", "virtual keyspace definitions",
        options(),
        "keyspace_name text PK"),
    table("tables", "virtual table definitions",
        options(),
        "keyspace_name text PK",
        "table_name text CK",
        "comment text"));
}
