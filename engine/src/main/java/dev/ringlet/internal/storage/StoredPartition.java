package dev.ringlet.internal.storage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One partition in memory with every tombstone kept. All access goes through its monitor; reads
 * return immutable {@link LivePartition} snapshots resolved at a given instant.
 */
final class StoredPartition {

  private final DecoratedKey key;
  private final ClusteringComparator comparator;
  private DeletionTime partitionDeletion = DeletionTime.LIVE;
  private final List<RangeTombstone> rangeTombstones = new ArrayList<>();
  private final StoredRow staticRow = new StoredRow();
  private final TreeMap<Clustering, StoredRow> rows;

  StoredPartition(DecoratedKey key, ClusteringComparator comparator) {
    this.key = key;
    this.comparator = comparator;
    this.rows = new TreeMap<>(comparator);
  }

  synchronized void apply(PartitionUpdate update) {
    partitionDeletion = DeletionTime.max(partitionDeletion, update.partitionDeletion());
    for (RangeTombstone rt : update.rangeTombstones()) {
      if (!rangeTombstones.contains(rt)) {
        rangeTombstones.add(rt);
      }
    }
    if (update.staticRow() != null) {
      staticRow.apply(update.staticRow());
    }
    for (RowUpdate row : update.rows()) {
      rows.computeIfAbsent(row.clustering(), c -> new StoredRow()).apply(row);
    }
  }

  synchronized void dropColumn(String column, long timestampMicros) {
    staticRow.dropColumn(column, timestampMicros);
    for (StoredRow r : rows.values()) {
      r.dropColumn(column, timestampMicros);
    }
  }

  /** Everything stored, as one update that recreates the partition. */
  synchronized PartitionUpdate snapshot() {
    List<RowUpdate> copy = new ArrayList<>(rows.size());
    for (Map.Entry<Clustering, StoredRow> e : rows.entrySet()) {
      copy.add(e.getValue().snapshot(e.getKey()));
    }
    RowUpdate statics = staticRow.isEmpty() ? null : staticRow.snapshot(Clustering.EMPTY);
    return new PartitionUpdate(key, partitionDeletion, rangeTombstones, statics, copy);
  }

  /** The partition as seen at {@code nowInSeconds}. */
  synchronized LivePartition read(long nowInSeconds) {
    LiveRow liveStatic = resolve(Clustering.EMPTY, staticRow, partitionDeletion, nowInSeconds);
    List<LiveRow> live = new ArrayList<>();
    for (Map.Entry<Clustering, StoredRow> e : rows.entrySet()) {
      DeletionTime deletion = partitionDeletion;
      for (RangeTombstone rt : rangeTombstones) {
        if (comparator.contains(rt.start(), rt.end(), e.getKey())) {
          deletion = DeletionTime.max(deletion, rt.deletion());
        }
      }
      LiveRow row = resolve(e.getKey(), e.getValue(), deletion, nowInSeconds);
      if (!row.isEmpty()) {
        live.add(row);
      }
    }
    return new LivePartition(key, liveStatic, live);
  }

  private static LiveRow resolve(Clustering clustering, StoredRow row, DeletionTime outer, long now) {
    DeletionTime deletion = DeletionTime.max(outer, row.deletion);
    LivenessInfo liveness = row.liveness;
    if (!liveness.isLive(now) || deletion.deletes(liveness.timestamp())) {
      liveness = LivenessInfo.EMPTY;
    }
    Map<String, Cell> cells = new HashMap<>();
    for (Map.Entry<String, Cell> e : row.cells.entrySet()) {
      Cell c = e.getValue();
      if (c.isLive(now) && !deletion.deletes(c.timestamp())) {
        cells.put(e.getKey(), c.counter() ? counterTotal(c) : c);
      }
    }
    Map<String, Map<java.nio.ByteBuffer, Cell>> complex = new HashMap<>();
    for (Map.Entry<String, ComplexColumn> e : row.complex.entrySet()) {
      Map<java.nio.ByteBuffer, Cell> live = e.getValue().live(deletion, now);
      if (!live.isEmpty()) {
        complex.put(e.getKey(), live);
      }
    }
    return new LiveRow(clustering, liveness, cells, complex);
  }

  /** A counter as a read sees it: the sum of its context, as an 8-byte bigint. */
  private static Cell counterTotal(Cell c) {
    java.nio.ByteBuffer total = java.nio.ByteBuffer.allocate(8);
    total.putLong(0, c.counterContext().total());
    return new Cell(total, c.timestamp(), 0, Cell.NO_DELETION_TIME, true);
  }
}
