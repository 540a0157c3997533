package dev.ringlet.internal.storage;

import java.util.HashMap;
import java.util.Map;

/**
 * A row as stored: every version merged by reconciliation, tombstones kept. Guarded by its partition.
 *
 * <p>The cell maps are immutable and replaced on every change (copy on write): a read that finds
 * every cell live hands the same map to its {@link LiveRow} without copying it, and a row written
 * once keeps the map of the update that wrote it.
 */
final class StoredRow {

  LivenessInfo liveness = LivenessInfo.EMPTY;
  DeletionTime deletion = DeletionTime.LIVE;
  /** The row's shadowable deletion (materialized views; {@link RowDeletions}), LIVE when none. */
  DeletionTime shadowableDeletion = DeletionTime.LIVE;
  Map<String, Cell> cells = Map.of();
  Map<String, ComplexColumn> complex = Map.of();
  /** The last {@link #snapshot}, until the next change (the clustering of a stored row never changes). */
  private RowUpdate snapshot;

  void dropColumn(String column, long timestampMicros) {
    snapshot = null;
    Cell c = cells.get(column);
    if (c != null && c.timestamp() <= timestampMicros) {
      Map<String, Cell> kept = new HashMap<>(cells);
      kept.remove(column);
      cells = Map.copyOf(kept);
    }
    ComplexColumn cc = complex.get(column);
    if (cc != null) {
      ComplexColumn kept = cc.dropped(timestampMicros);
      Map<String, ComplexColumn> changed = new HashMap<>(complex);
      if (kept == null) {
        changed.remove(column);
      } else {
        changed.put(column, kept);
      }
      complex = Map.copyOf(changed);
    }
  }

  boolean isEmpty() {
    return liveness.isEmpty() && deletion.isLive() && shadowableDeletion.isLive() && cells.isEmpty() && complex.isEmpty();
  }

  RowUpdate snapshot(Clustering clustering) {
    RowUpdate s = snapshot;
    if (s == null) {
      s = new RowUpdate(clustering, liveness, deletion, cells, complex, shadowableDeletion);
      snapshot = s;
    }
    return s;
  }

  /** The deletion a read applies to the row's data: the later of its row and shadowable deletions. */
  DeletionTime effectiveDeletion() {
    return shadowableDeletion.isLive() ? deletion : DeletionTime.max(deletion, shadowableDeletion);
  }

  void apply(RowUpdate update) {
    snapshot = null;
    liveness = Reconciliation.reconcile(liveness, update.liveness());
    deletion = DeletionTime.max(deletion, update.deletion());
    shadowableDeletion = RowDeletions.mergeShadowable(shadowableDeletion, update.shadowableDeletion(), liveness);
    cells = mergeCells(cells, update.cells());
    if (!update.complex().isEmpty()) {
      if (complex.isEmpty()) {
        complex = update.complex();
      } else {
        Map<String, ComplexColumn> merged = new HashMap<>(complex);
        for (Map.Entry<String, ComplexColumn> e : update.complex().entrySet()) {
          merged.merge(e.getKey(), e.getValue(), ComplexColumn::merge);
        }
        complex = Map.copyOf(merged);
      }
    }
  }

  /**
   * Both versions' cells reconciled column by column, as an immutable map; {@code update}'s own map
   * when it has every column of {@code current} and wins each (a row overwritten as a whole).
   */
  private static Map<String, Cell> mergeCells(Map<String, Cell> current, Map<String, Cell> update) {
    if (update.isEmpty()) {
      return current;
    }
    if (current.isEmpty()) {
      return update;
    }
    if (update.size() >= current.size() && winsEverywhere(current, update)) {
      return update;
    }
    Map<String, Cell> merged = new HashMap<>(current);
    for (Map.Entry<String, Cell> e : update.entrySet()) {
      merged.merge(e.getKey(), e.getValue(), Reconciliation::reconcile);
    }
    return Map.copyOf(merged);
  }

  private static boolean winsEverywhere(Map<String, Cell> current, Map<String, Cell> update) {
    for (Map.Entry<String, Cell> e : current.entrySet()) {
      Cell u = update.get(e.getKey());
      if (u == null || Reconciliation.reconcile(e.getValue(), u) != u) {
        return false;
      }
    }
    return true;
  }
}
