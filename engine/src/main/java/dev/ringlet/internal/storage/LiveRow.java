package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * A row as a read sees it at one instant: only live cells, tombstones and expired data removed.
 * {@code liveness} is the row marker when still live, else {@link LivenessInfo#EMPTY}. Complex
 * columns with at least one live element are in {@code complex}, by column then cell path.
 */
public record LiveRow(
    Clustering clustering, LivenessInfo liveness, Map<String, Cell> cells, Map<String, Map<ByteBuffer, Cell>> complex) {

  /** The static row of a partition without static data. */
  public static final LiveRow EMPTY_STATIC = new LiveRow(Clustering.EMPTY, LivenessInfo.EMPTY, Map.of(), Map.of());

  public LiveRow {
    cells = Map.copyOf(cells);
    complex = Map.copyOf(complex);
  }

  public LiveRow(Clustering clustering, LivenessInfo liveness, Map<String, Cell> cells) {
    this(clustering, liveness, cells, Map.of());
  }

  /** The live element cells of a complex column by cell path (unordered), or an empty map. */
  public Map<ByteBuffer, Cell> elements(String column) {
    return complex.getOrDefault(column, Map.of());
  }

  public Cell cell(String column) {
    return cells.get(column);
  }

  public boolean isEmpty() {
    return liveness.isEmpty() && cells.isEmpty() && complex.isEmpty();
  }
}
