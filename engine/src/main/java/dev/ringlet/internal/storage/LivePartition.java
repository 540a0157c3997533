package dev.ringlet.internal.storage;

import java.util.List;

/**
 * A partition as a read sees it at one instant: its static row (empty when it has no live static
 * cell) and its live rows in clustering order.
 */
public record LivePartition(DecoratedKey key, LiveRow staticRow, List<LiveRow> rows) {

  public boolean isEmpty() {
    return staticRow.isEmpty() && rows.isEmpty();
  }
}
