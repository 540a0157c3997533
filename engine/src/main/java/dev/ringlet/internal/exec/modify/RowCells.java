package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.Reconciliation;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The cells one write puts in one row, simple and complex, merged as they are added.
 *
 * <p>Most writes put one simple cell in a row ({@code INSERT ... (k, v)}): that one is held in two
 * fields and handed on as a one-entry immutable map; a hash map is built from the second column on.
 */
final class RowCells {

  private String firstColumn;
  private Cell firstCell;
  /** Every simple cell once there are two columns (null before). */
  private Map<String, Cell> simple;
  /** Null until a complex column is written. */
  private Map<String, ComplexColumn> complex;

  void put(String column, Cell cell) {
    if (simple != null) {
      simple.merge(column, cell, Reconciliation::reconcile);
    } else if (firstColumn == null) {
      firstColumn = column;
      firstCell = cell;
    } else if (firstColumn.equals(column)) {
      firstCell = Reconciliation.reconcile(firstCell, cell);
    } else {
      simple = new HashMap<>();
      simple.put(firstColumn, firstCell);
      simple.put(column, cell);
    }
  }

  /** Deletes every element of a complex column written at or before the deletion. */
  void deleteElements(String column, DeletionTime deletion) {
    mergeComplex(column, new ComplexColumn(deletion, Map.of()));
  }

  void putElement(String column, ByteBuffer path, Cell cell) {
    mergeComplex(column, new ComplexColumn(DeletionTime.LIVE, Map.of(path, cell)));
  }

  /** Many elements at once: one merge, not one per element (a removal of thousands of set elements). */
  void putElements(String column, Map<ByteBuffer, Cell> elements) {
    mergeComplex(column, new ComplexColumn(DeletionTime.LIVE, elements));
  }

  private void mergeComplex(String column, ComplexColumn c) {
    if (complex == null) {
      complex = new HashMap<>();
    }
    complex.merge(column, c, ComplexColumn::merge);
  }

  /** The simple cells by column, immutable. */
  Map<String, Cell> simple() {
    if (simple != null) {
      return Map.copyOf(simple);
    }
    return firstColumn == null ? Map.of() : Map.of(firstColumn, firstCell);
  }

  /** The complex columns by name, immutable. */
  Map<String, ComplexColumn> complex() {
    return complex == null ? Map.of() : Map.copyOf(complex);
  }

  boolean isEmpty() {
    return firstColumn == null && complex == null;
  }
}
