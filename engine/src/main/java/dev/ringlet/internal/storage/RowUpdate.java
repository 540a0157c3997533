package dev.ringlet.internal.storage;

import java.util.Map;

/**
 * The part of a write that touches one row: liveness (INSERT's marker, or {@link
 * LivenessInfo#EMPTY}), a row deletion (or {@link DeletionTime#LIVE}), simple cells by column name
 * and the element cells of non-frozen collection and user-type columns ({@code complex}).
 */
public record RowUpdate(
    Clustering clustering, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells, Map<String, ComplexColumn> complex) {

  public RowUpdate {
    cells = Map.copyOf(cells);
    complex = Map.copyOf(complex);
  }

  /** An update of simple (single-cell) columns only. */
  public RowUpdate(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells) {
    this(clustering, liveness, deletion, cells, Map.of());
  }
}
