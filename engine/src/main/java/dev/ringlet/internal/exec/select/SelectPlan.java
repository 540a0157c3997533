package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import java.util.Comparator;
import java.util.List;

/**
 * The result of analysing a SELECT against the schema.
 *
 * @param keys the partitions named by the WHERE clause, or null for a scan
 * @param filters every restriction, as predicates on candidate rows
 * @param reversed rows in reverse clustering order (ORDER BY against the declared order)
 * @param orderAcrossPartitions ORDER BY with several partitions: rows are sorted across them
 * @param staticRowsAllowed a partition with only static data yields one row
 * @param distinct one row per partition (SELECT DISTINCT)
 * @param groupBy the GROUP BY columns (a primary key prefix), empty when none
 * @param ann {@code ORDER BY v ANN OF [...]}, or null
 * @param slice the clustering bounds the restrictions imply, for reads of named partitions
 * @param exact every row of a named partition within {@code slice} passes every filter, so a read
 *     may stop at the rows a page still needs
 */
record SelectPlan(
    TableMetadata table,
    Selection selection,
    KeyPlan keys,
    List<RowPredicate.Factory> filters,
    boolean reversed,
    boolean orderAcrossPartitions,
    boolean staticRowsAllowed,
    BoundTerm limit,
    BoundTerm perPartitionLimit,
    ClusteringComparator clusteringComparator,
    boolean distinct,
    List<dev.ringlet.internal.schema.ColumnMetadata> groupBy,
    boolean json,
    AnnPlan ann,
    ClusteringSlice slice,
    boolean exact) {

  /** The same plan selecting through {@code other}. */
  SelectPlan withSelection(Selection other) {
    return new SelectPlan(table, other, keys, filters, reversed, orderAcrossPartitions, staticRowsAllowed, limit,
        perPartitionLimit, clusteringComparator, distinct, groupBy, json, ann, slice, exact);
  }

  Comparator<RowAccess> crossPartitionOrder() {
    return SelectStatement.clusteringOrder(this);
  }
}
