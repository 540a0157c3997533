package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.UserAggregate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code system_schema.aggregates}: every user-defined aggregate, its functions, state type and initial state. */
record SchemaAggregatesTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (UserAggregate a : ks.functions().aggregates()) {
        Map<String, Object> row = new HashMap<>();
        row.put("keyspace_name", ks.name());
        row.put("aggregate_name", a.name());
        row.put("argument_types", a.argumentTypes().stream().map(ColumnTypeText::of).toList());
        row.put("final_func", a.finalFunction());
        row.put("initcond", a.initCondText());
        row.put("return_type", ColumnTypeText.of(a.returnType()));
        row.put("state_func", a.stateFunction());
        row.put("state_type", ColumnTypeText.of(a.stateType()));
        rows.add(row);
      }
    }
    return rows;
  }
}
