package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.Reconciliation;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/** The cells one write puts in one row, simple and complex, merged as they are added. */
final class RowCells {

  /** No cells, never added to: the static row of a write that names no static column. */
  static final RowCells NONE = new RowCells(Map.of(), Map.of());

  final Map<String, Cell> simple;
  final Map<String, ComplexColumn> complex;

  RowCells() {
    this(new HashMap<>(), new HashMap<>());
  }

  private RowCells(Map<String, Cell> simple, Map<String, ComplexColumn> complex) {
    this.simple = simple;
    this.complex = complex;
  }

  void put(String column, Cell cell) {
    simple.merge(column, cell, Reconciliation::reconcile);
  }

  /** Deletes every element of a complex column written at or before the deletion. */
  void deleteElements(String column, DeletionTime deletion) {
    complex.merge(column, new ComplexColumn(deletion, Map.of()), ComplexColumn::merge);
  }

  void putElement(String column, ByteBuffer path, Cell cell) {
    complex.merge(column, new ComplexColumn(DeletionTime.LIVE, Map.of(path, cell)), ComplexColumn::merge);
  }

  /** Many elements at once: one merge, not one per element (a removal of thousands of set elements). */
  void putElements(String column, Map<ByteBuffer, Cell> elements) {
    complex.merge(column, new ComplexColumn(DeletionTime.LIVE, elements), ComplexColumn::merge);
  }

  boolean isEmpty() {
    return simple.isEmpty() && complex.isEmpty();
  }
}
