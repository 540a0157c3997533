package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.List;
import java.util.Map;

/** A built-in table Ringlet keeps no rows in (batches, repair history, roles without auth, ...). */
record EmptyTable(TableMetadata metadata) implements SystemTable {

  @Override
  public List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers) {
    return List.of();
  }
}
