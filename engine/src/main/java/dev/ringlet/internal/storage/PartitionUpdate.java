package dev.ringlet.internal.storage;

import java.util.List;

/**
 * Everything one write does to one partition, applied atomically: a partition deletion, range
 * tombstones, the static row (null when untouched) and regular rows.
 */
public record PartitionUpdate(
    DecoratedKey key,
    DeletionTime partitionDeletion,
    List<RangeTombstone> rangeTombstones,
    RowUpdate staticRow,
    List<RowUpdate> rows) {

  public PartitionUpdate {
    rangeTombstones = List.copyOf(rangeTombstones);
    rows = List.copyOf(rows);
  }
}
