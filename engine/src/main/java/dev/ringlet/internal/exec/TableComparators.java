package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.types.CqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * The clustering order of a table, from its clustering columns' types and directions. Called on
 * every request by the layers that wrap a table's store, so it builds no streams, and a table
 * without clustering columns gets one shared (immutable) comparator.
 */
public final class TableComparators {

  private static final ClusteringComparator NO_CLUSTERING = new ClusteringComparator(List.of(), List.of());

  private TableComparators() {}

  public static ClusteringComparator clustering(TableMetadata table) {
    List<ColumnMetadata> cols = table.clustering();
    if (cols.isEmpty()) {
      return NO_CLUSTERING;
    }
    List<CqlType> types = new ArrayList<>(cols.size());
    List<Boolean> reversed = new ArrayList<>(cols.size());
    for (ColumnMetadata c : cols) {
      types.add(c.type());
      reversed.add(c.reversed());
    }
    return new ClusteringComparator(types, reversed);
  }
}
