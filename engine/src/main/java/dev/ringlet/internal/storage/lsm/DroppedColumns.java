package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns dropped by ALTER TABLE DROP and when: SSTables are immutable, so their cells of a dropped
 * column are hidden when read and removed for good by the next compaction, as in Cassandra.
 */
final class DroppedColumns {

  private final Map<String, Long> dropped;

  DroppedColumns(Map<String, Long> dropped) {
    this.dropped = Map.copyOf(dropped);
  }

  static final DroppedColumns NONE = new DroppedColumns(Map.of());

  boolean isEmpty() {
    return dropped.isEmpty();
  }

  DroppedColumns with(String column, long timestampMicros) {
    Map<String, Long> m = new HashMap<>(dropped);
    m.merge(column, timestampMicros, Math::max);
    return new DroppedColumns(m);
  }

  PartitionUpdate filter(PartitionUpdate p) {
    if (p == null || dropped.isEmpty()) {
      return p;
    }
    List<RowUpdate> rows = new ArrayList<>(p.rows().size());
    for (RowUpdate r : p.rows()) {
      rows.add(filter(r));
    }
    return new PartitionUpdate(p.key(), p.partitionDeletion(), p.rangeTombstones(),
        p.staticRow() == null ? null : filter(p.staticRow()), rows);
  }

  private RowUpdate filter(RowUpdate r) {
    Map<String, Cell> cells = r.cells();
    Map<String, ComplexColumn> complex = r.complex();
    for (Map.Entry<String, Long> d : dropped.entrySet()) {
      Cell c = cells.get(d.getKey());
      if (c != null && c.timestamp() <= d.getValue()) {
        cells = new HashMap<>(cells);
        cells.remove(d.getKey());
      }
      ComplexColumn cc = complex.get(d.getKey());
      if (cc != null) {
        Map<ByteBuffer, Cell> kept = new HashMap<>();
        cc.cells().forEach((path, cell) -> {
          if (cell.timestamp() > d.getValue()) {
            kept.put(path, cell);
          }
        });
        DeletionTime del = cc.deletion().markedForDeleteAt() > d.getValue() ? cc.deletion() : DeletionTime.LIVE;
        complex = new HashMap<>(complex);
        if (kept.isEmpty() && del.isLive()) {
          complex.remove(d.getKey());
        } else {
          complex.put(d.getKey(), new ComplexColumn(del, kept));
        }
      }
    }
    return cells == r.cells() && complex == r.complex() ? r
        : new RowUpdate(r.clustering(), r.liveness(), r.deletion(), cells, complex, r.shadowableDeletion());
  }
}
