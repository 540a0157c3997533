package dev.ringlet.internal.system;

import static dev.ringlet.internal.system.TableDefinitions.options;
import static dev.ringlet.internal.system.TableDefinitions.table;

import dev.ringlet.internal.system.TableDefinitions.TableDefinition;
import java.util.List;

/**
 * The tables of Cassandra 5.0's {@code system_distributed} keyspace as clients see them in
 * {@code system_schema}: columns (see {@link TableDefinitions} for the
 * notation), comments and the options that differ from a user table's defaults. Transcribed from
 * a real 5.0.9 node ({@code golden/system/} test resources); long only because the list is.
 */
final class DistributedKeyspaceTables {

  private DistributedKeyspaceTables() {}

  static final List<TableDefinition> TABLES = List.of(
    table("parent_repair_history", "Repair history",
        options("default_time_to_live", "2592000", "compaction", "TimeWindowCompactionStrategy,compaction_window_size=1,compaction_window_unit=DAYS"),
        "parent_id timeuuid PK",
        "exception_message text",
        "exception_stacktrace text",
        "finished_at timestamp",
        "keyspace_name text",
        "started_at timestamp",
        "columnfamily_names set<text>",
        "options map<text, text>",
        "requested_ranges set<text>",
        "successful_ranges set<text>"),
    table("partition_denylist", "Partition keys which have been denied access",
        options(),
        "ks_name text PK",
        "table_name text PK",
        "key blob CK"),
    table("repair_history", "Repair history",
        options("default_time_to_live", "2592000", "compaction", "TimeWindowCompactionStrategy,compaction_window_size=1,compaction_window_unit=DAYS"),
        "keyspace_name text PK",
        "columnfamily_name text PK",
        "id timeuuid CK",
        "coordinator inet",
        "coordinator_port int",
        "exception_message text",
        "exception_stacktrace text",
        "finished_at timestamp",
        "parent_id timeuuid",
        "range_begin text",
        "range_end text",
        "started_at timestamp",
        "status text",
        "participants set<inet>",
        "participants_v2 set<text>"),
    table("view_build_status", "Materialized View build status",
        options(),
        "keyspace_name text PK",
        "view_name text PK",
        "host_id uuid CK",
        "status text"));
}
