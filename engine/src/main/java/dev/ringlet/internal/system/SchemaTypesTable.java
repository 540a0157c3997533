package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.UserType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code system_schema.types}: every user type, its field names and field type texts in field order. */
record SchemaTypesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (UserType type : ks.types().values()) {
        Map<String, Object> row = new HashMap<>();
        row.put("keyspace_name", ks.name());
        row.put("type_name", type.name());
        row.put("field_names", List.copyOf(type.fieldNames()));
        row.put("field_types", type.fieldTypes().stream().map(ColumnTypeText::of).toList());
        rows.add(row);
      }
    }
    return rows;
  }
}
