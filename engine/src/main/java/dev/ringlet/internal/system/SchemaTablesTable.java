package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code system_schema.tables}: every table (not view) of every non-virtual keyspace with its options.
 *
 * <p>Cassandra 5.0 (storage compatibility mode {@code CASSANDRA_4}, its default) leaves some
 * columns null so that 4.x nodes can read the row: {@code cdc} unless CDC is on in the yaml (never,
 * here), {@code memtable} while it is {@code 'default'}, {@code allow_auto_snapshot} and
 * {@code incremental_backups} while true. The 3.x read-repair chances are still there, always 0.0.
 */
record SchemaTablesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual()) continue;
      for (TableMetadata table : ks.tables().values()) {
        if (table.isView()) continue; // in system_schema.views
        rows.add(row(table));
      }
    }
    return rows;
  }

  static Map<String, Object> row(TableMetadata table) {
    TableParams p = table.params();
    Map<String, Object> row = new HashMap<>();
    row.put("keyspace_name", table.keyspace());
    row.put("table_name", table.name());
    row.put("additional_write_policy", p.additionalWritePolicy());
    row.put("allow_auto_snapshot", p.allowAutoSnapshot() ? null : Boolean.FALSE);
    row.put("bloom_filter_fp_chance", p.bloomFilterFpChance());
    row.put("caching", p.caching().asMap());
    row.put("cdc", null);
    row.put("comment", p.comment());
    row.put("compaction", p.compaction().asMap());
    row.put("compression", p.compression().asMap());
    row.put("crc_check_chance", p.crcCheckChance());
    row.put("dclocal_read_repair_chance", 0.0);
    row.put("default_time_to_live", p.defaultTimeToLive());
    row.put("extensions", new java.util.TreeMap<>(p.extensions()));
    row.put("flags", flags(table));
    row.put("gc_grace_seconds", p.gcGraceSeconds());
    row.put("id", table.id());
    row.put("incremental_backups", p.incrementalBackups() ? null : Boolean.FALSE);
    row.put("max_index_interval", p.maxIndexInterval());
    row.put("memtable", p.memtable().equals("default") ? null : p.memtable());
    row.put("memtable_flush_period_in_ms", p.memtableFlushPeriodInMs());
    row.put("min_index_interval", p.minIndexInterval());
    row.put("read_repair", p.readRepair());
    row.put("read_repair_chance", 0.0);
    row.put("speculative_retry", p.speculativeRetry());
    return row;
  }

  /** Tables made with CQL are all {@code compound}; counter tables add {@code counter}. */
  static Set<String> flags(TableMetadata table) {
    Set<String> flags = new TreeSet<>();
    flags.add("compound");
    if (table.counter()) flags.add("counter");
    return flags;
  }
}
