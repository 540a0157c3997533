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
 * @param grouping the GROUP BY clause, null when none
 * @param ann {@code ORDER BY v ANN OF [...]}, or null
 * @param slice the clustering bounds the restrictions imply, for reads of named partitions
 * @param exact every row of a named partition within {@code slice} passes every filter, so a read
 *     may stop at the rows a page still needs
 * @param rowFilter the filters as a row filter that travels with the read command to the
 *     replicas, or null when some filter has no such form
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
    Grouping grouping,
    boolean json,
    AnnPlan ann,
    ClusteringSlice slice,
    boolean exact,
    List<RowFilter.Factory> rowFilter) {

  /** The same plan selecting through {@code other}. */
  SelectPlan withSelection(Selection other) {
    return new SelectPlan(table, other, keys, filters, reversed, orderAcrossPartitions, staticRowsAllowed, limit,
        perPartitionLimit, clusteringComparator, distinct, grouping, json, ann, slice, exact, rowFilter);
  }

  /** The command's row filter bound to {@code values}, or null when it has none that travels. */
  RowFilter rowFilter(dev.ringlet.internal.exec.BoundValues values) {
    if (rowFilter == null || rowFilter.isEmpty()) {
      return null;
    }
    List<RowFilter.Expression> out = new java.util.ArrayList<>();
    for (RowFilter.Factory f : rowFilter) {
      out.add(f.bind(values));
    }
    return new RowFilter(out);
  }

  Comparator<RowAccess> crossPartitionOrder() {
    return SelectStatement.clusteringOrder(this);
  }
}
