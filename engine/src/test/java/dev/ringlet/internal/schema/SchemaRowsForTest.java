package dev.ringlet.internal.schema;

import dev.ringlet.internal.system.NodeInfo;
import dev.ringlet.internal.system.SystemKeyspaces;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code system_schema.tables} row of a one-column-key table with the given params. */
final class SchemaRowsForTest {

  private SchemaRowsForTest() {}

  static Map<String, Object> tableRow(String table, TableParams params) {
    ColumnMetadata k = new ColumnMetadata("k", dev.ringlet.internal.types.NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
    TableMetadata metadata = new TableMetadata("ks", table, UUID.randomUUID(), List.of(k), List.of(), List.of(), params, false, false);
    KeyspaceMetadata ks = new KeyspaceMetadata("ks", true, ReplicationParams.simple(1), Map.of(table, metadata), Map.of(), false);
    Schema schema = new Schema(UUID.randomUUID(), Map.of("ks", ks));
    InetAddress address = InetAddress.getLoopbackAddress();
    NodeInfo node = new NodeInfo("c", "dc", "r", "5.0.9", UUID.randomUUID(), List.of(1L), address, 7000, address, 7000,
        address, 9042, UUID.randomUUID());
    return SystemKeyspaces.table("system_schema", "tables").rows(schema, node, List.of()).get(0);
  }
}
