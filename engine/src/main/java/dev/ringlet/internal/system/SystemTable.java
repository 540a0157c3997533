package dev.ringlet.internal.system;

import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import java.util.List;
import java.util.Map;

/**
 * A read-only table whose rows are generated from node state on every read. Rows map column names
 * to Java values in the {@link dev.ringlet.internal.types.CqlType} mapping (absent or null: no
 * value). The executor applies the query's restrictions, ordering and paging.
 */
public interface SystemTable {

  TableMetadata metadata();

  List<Map<String, Object>> rows(Schema schema, NodeInfo local, List<NodeInfo> peers);
}
