package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * A non-frozen collection or user-type column as Cassandra stores it: one cell per element, keyed
 * by its cell path (set element, map key, list element timeuuid, user-type field index), plus a
 * column-wide deletion that shadows every element written at or before it. Overwriting the whole
 * column is a deletion at {@code timestamp - 1} and the new elements at {@code timestamp}.
 * Element cells reconcile one path at a time with {@link Reconciliation}; paths are opaque here
 * (the reader orders them by the column's type).
 */
public record ComplexColumn(DeletionTime deletion, Map<ByteBuffer, Cell> cells) {

  public static final ComplexColumn EMPTY = new ComplexColumn(DeletionTime.LIVE, Map.of());

  public ComplexColumn {
    cells = Map.copyOf(cells);
  }

  /** Both versions merged: the stronger deletion, and each path's cells reconciled. */
  public static ComplexColumn merge(ComplexColumn a, ComplexColumn b) {
    Map<ByteBuffer, Cell> cells = new HashMap<>(a.cells);
    b.cells.forEach((path, cell) -> cells.merge(path, cell, Reconciliation::reconcile));
    return new ComplexColumn(DeletionTime.max(a.deletion, b.deletion), cells);
  }

  /** The element cells live at {@code now} and not shadowed by {@code outer} or the column deletion. */
  public Map<ByteBuffer, Cell> live(DeletionTime outer, long nowInSeconds) {
    DeletionTime effective = DeletionTime.max(outer, deletion);
    if (allLive(effective, nowInSeconds)) {
      return cells; // immutable already: no copy
    }
    Map<ByteBuffer, Cell> live = new HashMap<>();
    for (Map.Entry<ByteBuffer, Cell> e : cells.entrySet()) {
      Cell c = e.getValue();
      if (c.isLive(nowInSeconds) && !effective.deletes(c.timestamp())) {
        live.put(e.getKey(), c);
      }
    }
    return Map.copyOf(live);
  }

  private boolean allLive(DeletionTime effective, long nowInSeconds) {
    for (Cell c : cells.values()) {
      if (!c.isLive(nowInSeconds) || effective.deletes(c.timestamp())) {
        return false;
      }
    }
    return true;
  }

  /** Without the cells (and deletion) written at or before {@code timestampMicros}; null when nothing remains. */
  ComplexColumn dropped(long timestampMicros) {
    Map<ByteBuffer, Cell> kept = new HashMap<>();
    cells.forEach((path, cell) -> {
      if (cell.timestamp() > timestampMicros) {
        kept.put(path, cell);
      }
    });
    DeletionTime d = deletion.markedForDeleteAt() > timestampMicros ? deletion : DeletionTime.LIVE;
    return kept.isEmpty() && d.isLive() ? null : new ComplexColumn(d, kept);
  }
}
