package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.UserFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code system_schema.functions}: every user-defined function with its signature and body. */
record SchemaFunctionsTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (UserFunction f : ks.functions().functions()) {
        Map<String, Object> row = new HashMap<>();
        row.put("keyspace_name", ks.name());
        row.put("function_name", f.name());
        row.put("argument_types", f.argumentTypes().stream().map(ColumnTypeText::of).toList());
        row.put("argument_names", List.copyOf(f.argumentNames()));
        row.put("body", f.body());
        row.put("called_on_null_input", f.calledOnNullInput());
        row.put("language", f.language());
        row.put("return_type", ColumnTypeText.of(f.returnType()));
        rows.add(row);
      }
    }
    return rows;
  }
}
