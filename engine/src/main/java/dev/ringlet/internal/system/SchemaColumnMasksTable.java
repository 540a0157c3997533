package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.ColumnMask;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code system_schema.column_masks}: one row per masked column of a table or view, as 5.0 writes
 * it: the function's keyspace and name, and the types, values (text, empty for null) and null flags
 * of the arguments after the masked value; and the rows 5.0.9 leaves behind after a masked column
 * or table is dropped ({@link dev.ringlet.internal.schema.LeftoverMask}).
 */
record SchemaColumnMasksTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KeyspaceMetadata ks : schema.keyspaces().values()) {
      for (TableMetadata table : ks.tables().values()) {
        for (ColumnMetadata c : table.columns()) {
          if (c.mask() != null) {
            rows.add(row(ks.name(), table.name(), c.name(), c.mask()));
          }
        }
      }
      ks.leftoverMasks().forEach((key, mask) -> rows.add(row(ks.name(), key.table(), key.column(), mask)));
    }
    return rows;
  }

  private static Map<String, Object> row(String keyspace, String table, String column, ColumnMask mask) {
    List<String> types = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Boolean> nulls = new ArrayList<>();
    for (int i = 0; i < mask.argumentTypes().size(); i++) {
      CqlType type = mask.argumentTypes().get(i);
      ByteBuffer value = mask.argumentValues().get(i);
      types.add(ColumnTypeText.of(type));
      values.add(value == null ? "" : text(type, value));
      nulls.add(value == null);
    }
    Map<String, Object> row = new HashMap<>();
    row.put("keyspace_name", keyspace);
    row.put("table_name", table);
    row.put("column_name", column);
    row.put("function_keyspace", mask.functionKeyspace());
    row.put("function_name", mask.functionName());
    row.put("function_argument_types", types);
    row.put("function_argument_values", values);
    row.put("function_argument_nulls", nulls);
    return row;
  }

  /** Cassandra's {@code AbstractType.getString}: strings as they are, other values as their literal. */
  private static String text(CqlType type, ByteBuffer value) {
    if (type == NativeType.TEXT || type == NativeType.ASCII) {
      return (String) type.decode(value.duplicate());
    }
    return type.toCqlLiteral(value.duplicate());
  }
}
