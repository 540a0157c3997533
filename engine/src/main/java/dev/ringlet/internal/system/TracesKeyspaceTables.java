package dev.ringlet.internal.system;

import static dev.ringlet.internal.system.TableDefinitions.options;
import static dev.ringlet.internal.system.TableDefinitions.table;

import dev.ringlet.internal.system.TableDefinitions.TableDefinition;
import java.util.List;

/**
 * The tables of Cassandra 5.0's {@code system_traces} keyspace as clients see them in
 * {@code system_schema}: columns (see {@link TableDefinitions} for the
 * notation), comments and the options that differ from a user table's defaults. Transcribed from
 * a real 5.0.9 node ({@code golden/system/} test resources); long only because the list is.
 */
final class TracesKeyspaceTables {

  private TracesKeyspaceTables() {}

  static final List<TableDefinition> TABLES = List.of(
    table("events", "tracing events",
        options("gc_grace_seconds", "0"),
        "session_id uuid PK",
        "event_id timeuuid CK",
        "activity text",
        "source inet",
        "source_elapsed int",
        "source_port int",
        "thread text"),
    table("sessions", "tracing sessions",
        options("gc_grace_seconds", "0"),
        "session_id uuid PK",
        "client inet",
        "command text",
        "coordinator inet",
        "coordinator_port int",
        "duration int",
        "request text",
        "started_at timestamp",
        "parameters map<text, text>"));
}
