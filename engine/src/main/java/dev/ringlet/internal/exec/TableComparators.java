package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import java.util.List;

/** The clustering order of a table, from its clustering columns' types and directions. */
public final class TableComparators {

  private TableComparators() {}

  public static ClusteringComparator clustering(TableMetadata table) {
    List<ColumnMetadata> cols = table.clustering();
    return new ClusteringComparator(
        cols.stream().map(ColumnMetadata::type).map(t -> (dev.ringlet.internal.types.CqlType) t).toList(),
        cols.stream().map(ColumnMetadata::reversed).toList());
  }
}
