package dev.ringlet.internal.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Merges several updates of one partition into one, so a batch applies atomically per partition. */
public final class PartitionUpdates {

  private PartitionUpdates() {}

  /** Groups updates by partition (in first-seen order) and merges each group. */
  public static List<PartitionUpdate> mergeByPartition(List<PartitionUpdate> updates) {
    Map<DecoratedKey, PartitionUpdate> merged = new LinkedHashMap<>();
    for (PartitionUpdate u : updates) {
      merged.merge(u.key(), u, PartitionUpdates::merge);
    }
    return new ArrayList<>(merged.values());
  }

  static PartitionUpdate merge(PartitionUpdate a, PartitionUpdate b) {
    List<RangeTombstone> rts = new ArrayList<>(a.rangeTombstones());
    rts.addAll(b.rangeTombstones());
    List<RowUpdate> rows = new ArrayList<>(a.rows());
    rows.addAll(b.rows());
    RowUpdate statics = a.staticRow() == null ? b.staticRow() : b.staticRow() == null ? a.staticRow() : merge(a.staticRow(), b.staticRow());
    return new PartitionUpdate(a.key(), DeletionTime.max(a.partitionDeletion(), b.partitionDeletion()), rts, statics, rows);
  }

  private static RowUpdate merge(RowUpdate a, RowUpdate b) {
    Map<String, Cell> cells = new HashMap<>(a.cells());
    b.cells().forEach((k, v) -> cells.merge(k, v, Reconciliation::reconcile));
    Map<String, ComplexColumn> complex = new HashMap<>(a.complex());
    b.complex().forEach((k, v) -> complex.merge(k, v, ComplexColumn::merge));
    LivenessInfo liveness = Reconciliation.reconcile(a.liveness(), b.liveness());
    return new RowUpdate(a.clustering(), liveness, DeletionTime.max(a.deletion(), b.deletion()), cells, complex,
        RowDeletions.mergeShadowable(a.shadowableDeletion(), b.shadowableDeletion(), liveness));
  }
}
