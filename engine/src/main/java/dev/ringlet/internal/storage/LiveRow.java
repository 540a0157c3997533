package dev.ringlet.internal.storage;

import java.util.Map;

/**
 * A row as a read sees it at one instant: only live cells, tombstones and expired data removed.
 * {@code liveness} is the row marker when still live, else {@link LivenessInfo#EMPTY}.
 */
public record LiveRow(Clustering clustering, LivenessInfo liveness, Map<String, Cell> cells) {

  public LiveRow {
    cells = Map.copyOf(cells);
  }

  public Cell cell(String column) {
    return cells.get(column);
  }

  public boolean isEmpty() {
    return liveness.isEmpty() && cells.isEmpty();
  }
}
