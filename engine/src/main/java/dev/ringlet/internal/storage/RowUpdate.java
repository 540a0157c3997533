package dev.ringlet.internal.storage;

import java.util.Map;

/**
 * The part of a write that touches one row: liveness (INSERT's marker, or {@link
 * LivenessInfo#EMPTY}), a row deletion (or {@link DeletionTime#LIVE}), simple cells by column name
 * and the element cells of non-frozen collection and user-type columns ({@code complex}).
 *
 * <p>{@code shadowableDeletion} is a row deletion of the kind only materialized views write (a view
 * row whose base row moved to another view key; {@link DeletionTime#LIVE} when there is none): it
 * deletes like {@code deletion} until the row gets a liveness with a newer timestamp, and from then
 * on does not exist, so the row's cells it covered count again ({@link RowDeletions}).
 */
public record RowUpdate(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells,
    Map<String, ComplexColumn> complex, DeletionTime shadowableDeletion) {

  public RowUpdate {
    cells = Map.copyOf(cells);
    complex = Map.copyOf(complex);
  }

  /** An update without a shadowable deletion. */
  public RowUpdate(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells,
      Map<String, ComplexColumn> complex) {
    this(clustering, liveness, deletion, cells, complex, DeletionTime.LIVE);
  }

  /** An update of simple (single-cell) columns only. */
  public RowUpdate(Clustering clustering, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells) {
    this(clustering, liveness, deletion, cells, Map.of(), DeletionTime.LIVE);
  }

  /** The deletion that applies to the row's data: the later of its row and shadowable deletions. */
  public DeletionTime effectiveDeletion() {
    return shadowableDeletion.isLive() ? deletion : DeletionTime.max(deletion, shadowableDeletion);
  }
}
