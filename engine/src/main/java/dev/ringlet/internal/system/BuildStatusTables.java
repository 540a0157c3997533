package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.IndexMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables where Cassandra 5.0 records finished builds, generated from the schema: Ringlet builds
 * a materialized view before {@code CREATE MATERIALIZED VIEW} answers, and its indexes are usable at
 * once (they are evaluated by scanning), so every view and index in the schema is built. Dropping
 * one forgets its rows, as Cassandra does. ({@code system.view_builds_in_progress} stays empty: no
 * build is ever in progress when a client can look.)
 */
final class BuildStatusTables {

  private BuildStatusTables() {}

  /** {@code system.built_views}: one row per view, its build status replicated to system_distributed. */
  record BuiltViews(TableMetadata metadata) implements SystemTable {

    @Override
    public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (TableMetadata view : views(schema)) {
        Map<String, Object> row = new HashMap<>();
        row.put("keyspace_name", view.keyspace());
        row.put("view_name", view.name());
        row.put("status_replicated", true);
        rows.add(row);
      }
      return rows;
    }
  }

  /** {@code system_distributed.view_build_status}: each node's {@code SUCCESS} for each view. */
  record ViewBuildStatus(TableMetadata metadata) implements SystemTable {

    @Override
    public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
      List<NodeInfo> nodes = new ArrayList<>();
      nodes.add(local);
      nodes.addAll(peers);
      List<Map<String, Object>> rows = new ArrayList<>();
      for (TableMetadata view : views(schema)) {
        for (NodeInfo node : nodes) {
          Map<String, Object> row = new HashMap<>();
          row.put("keyspace_name", view.keyspace());
          row.put("view_name", view.name());
          row.put("host_id", node.hostId());
          row.put("status", "SUCCESS");
          rows.add(row);
        }
      }
      return rows;
    }
  }

  /**
   * {@code system."IndexInfo"}: one row per built index, {@code table_name} holding the keyspace's
   * name (Cassandra's historical naming) and no {@code value}.
   */
  record IndexInfo(TableMetadata metadata) implements SystemTable {

    @Override
    public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (KeyspaceMetadata ks : schema.keyspaces().values()) {
        if (ks.virtual()) {
          continue;
        }
        for (TableMetadata t : ks.tables().values()) {
          for (IndexMetadata index : t.indexes().values()) {
            Map<String, Object> row = new HashMap<>();
            row.put("table_name", ks.name());
            row.put("index_name", index.name());
            rows.add(row);
          }
        }
      }
      return rows;
    }
  }

  private static List<TableMetadata> views(Schema schema) {
    List<TableMetadata> views = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual()) {
        continue;
      }
      for (TableMetadata t : ks.tables().values()) {
        if (t.isView()) {
          views.add(t);
        }
      }
    }
    return views;
  }
}
