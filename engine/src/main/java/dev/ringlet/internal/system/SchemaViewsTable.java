package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code system_schema.views}: every materialized view with its base table, WHERE clause and the
 * same options {@code system_schema.tables} shows for a table (a view has no {@code flags}).
 */
record SchemaViewsTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      if (ks.virtual()) continue;
      for (TableMetadata view : ks.tables().values()) {
        if (!view.isView()) continue;
        Map<String, Object> row = SchemaTablesTable.row(view);
        row.remove("table_name");
        row.remove("flags");
        row.put("view_name", view.name());
        row.put("base_table_id", view.view().baseTableId());
        row.put("base_table_name", view.view().baseTableName());
        row.put("include_all_columns", view.view().includeAllColumns());
        row.put("where_clause", view.view().whereClause());
        rows.add(row);
      }
    }
    return rows;
  }
}
