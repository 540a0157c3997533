package dev.ringlet.internal.storage;

import java.util.HashMap;
import java.util.Map;

/** A row as stored: every version merged by reconciliation, tombstones kept. Guarded by its partition. */
final class StoredRow {

  LivenessInfo liveness = LivenessInfo.EMPTY;
  DeletionTime deletion = DeletionTime.LIVE;
  final Map<String, Cell> cells = new HashMap<>();
  final Map<String, ComplexColumn> complex = new HashMap<>();

  void dropColumn(String column, long timestampMicros) {
    Cell c = cells.get(column);
    if (c != null && c.timestamp() <= timestampMicros) {
      cells.remove(column);
    }
    ComplexColumn cc = complex.get(column);
    if (cc != null) {
      ComplexColumn kept = cc.dropped(timestampMicros);
      if (kept == null) {
        complex.remove(column);
      } else {
        complex.put(column, kept);
      }
    }
  }

  boolean isEmpty() {
    return liveness.isEmpty() && deletion.isLive() && cells.isEmpty() && complex.isEmpty();
  }

  RowUpdate snapshot(Clustering clustering) {
    return new RowUpdate(clustering, liveness, deletion, cells, complex);
  }

  void apply(RowUpdate update) {
    liveness = Reconciliation.reconcile(liveness, update.liveness());
    deletion = DeletionTime.max(deletion, update.deletion());
    for (Map.Entry<String, Cell> e : update.cells().entrySet()) {
      cells.merge(e.getKey(), e.getValue(), Reconciliation::reconcile);
    }
    for (Map.Entry<String, ComplexColumn> e : update.complex().entrySet()) {
      complex.merge(e.getKey(), e.getValue(), ComplexColumn::merge);
    }
  }
}
