package dev.ringlet.internal.storage;

import java.util.Map;

/**
 * The part of a write that touches one row: liveness (INSERT's marker, or {@link
 * LivenessInfo#EMPTY}), a row deletion (or {@link DeletionTime#LIVE}), and cells by column name.
 */
public record RowUpdate(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells) {

  public RowUpdate {
    cells = Map.copyOf(cells);
  }
}
