package dev.ringlet.internal.storage.compaction;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a compaction writes for one merged partition. Always: data shadowed by a deletion in the
 * same partition is dropped, and deletions superseded by a stronger one too. Then, as Cassandra:
 * an expired TTL value becomes a tombstone dated at its write ({@code expiry - ttl}), and a tombstone
 * is purged only when both hold:
 *
 * <ul>
 *   <li>its local deletion time is before {@code gcBefore} ({@code now - gc_grace_seconds});
 *   <li>its timestamp is below {@code maxPurgeableTimestamp}, the oldest write timestamp of any source
 *       outside this compaction (other SSTables, memtables) that may hold the partition, so no data it
 *       shadows can reappear.
 * </ul>
 *
 * Pure: no clock, no I/O.
 */
public final class Purger {

  private final ClusteringComparator comparator;
  private final long nowInSeconds;
  private final long gcBefore;
  private final long maxPurgeableTimestamp;

  public Purger(ClusteringComparator comparator, long nowInSeconds, long gcBefore, long maxPurgeableTimestamp) {
    this.comparator = comparator;
    this.nowInSeconds = nowInSeconds;
    this.gcBefore = gcBefore;
    this.maxPurgeableTimestamp = maxPurgeableTimestamp;
  }

  private boolean purgeable(long timestamp, long localDeletionTime) {
    return localDeletionTime < gcBefore && timestamp < maxPurgeableTimestamp;
  }

  private boolean purgeable(DeletionTime d) {
    return !d.isLive() && purgeable(d.markedForDeleteAt(), d.localDeletionTime());
  }

  /** The partition as a compaction writes it, or null when nothing is left. */
  public PartitionUpdate purge(PartitionUpdate p) {
    DeletionTime partition = p.partitionDeletion();
    List<RangeTombstone> rts = new ArrayList<>();
    for (RangeTombstone rt : p.rangeTombstones()) {
      if (rt.deletion().compareTo(partition) > 0 && !purgeable(rt.deletion())) {
        rts.add(rt);
      }
    }
    RowUpdate statics = p.staticRow() == null ? null : row(p.staticRow(), partition);
    List<RowUpdate> rows = new ArrayList<>(p.rows().size());
    for (RowUpdate r : p.rows()) {
      DeletionTime outer = partition;
      for (RangeTombstone rt : p.rangeTombstones()) {
        if (comparator.contains(rt.start(), rt.end(), r.clustering())) {
          outer = DeletionTime.max(outer, rt.deletion());
        }
      }
      RowUpdate kept = row(r, outer);
      if (kept != null) {
        rows.add(kept);
      }
    }
    DeletionTime keptPartition = purgeable(partition) ? DeletionTime.LIVE : partition;
    if (keptPartition.isLive() && rts.isEmpty() && statics == null && rows.isEmpty()) {
      return null;
    }
    return new PartitionUpdate(p.key(), keptPartition, rts, statics, rows);
  }

  private RowUpdate row(RowUpdate r, DeletionTime outer) {
    DeletionTime deletion = r.deletion().compareTo(outer) > 0 ? r.deletion() : DeletionTime.LIVE;
    // a shadowable deletion deletes like a regular one while it exists; it is kept only when later
    // than every other deletion covering the row (the row's liveness may still shadow it)
    DeletionTime shadowable = r.shadowableDeletion().compareTo(DeletionTime.max(outer, r.deletion())) > 0
        ? r.shadowableDeletion() : DeletionTime.LIVE;
    DeletionTime effective = DeletionTime.max(outer, r.effectiveDeletion());
    LivenessInfo liveness = r.liveness();
    if (!liveness.isEmpty() && effective.deletes(liveness.timestamp())) {
      liveness = LivenessInfo.EMPTY;
    }
    if (liveness.isExpiring() && nowInSeconds >= liveness.expiresAt()
        && purgeable(liveness.timestamp(), liveness.expiresAt() - liveness.ttl())) {
      liveness = LivenessInfo.EMPTY;
    }
    Map<String, Cell> cells = new HashMap<>();
    for (Map.Entry<String, Cell> e : r.cells().entrySet()) {
      Cell c = cell(e.getValue(), effective);
      if (c != null) {
        cells.put(e.getKey(), c);
      }
    }
    Map<String, ComplexColumn> complex = new HashMap<>();
    for (Map.Entry<String, ComplexColumn> e : r.complex().entrySet()) {
      ComplexColumn cc = e.getValue();
      DeletionTime columnDeletion = cc.deletion().compareTo(effective) > 0 ? cc.deletion() : DeletionTime.LIVE;
      DeletionTime inner = DeletionTime.max(effective, cc.deletion());
      Map<ByteBuffer, Cell> elements = new HashMap<>();
      for (Map.Entry<ByteBuffer, Cell> el : cc.cells().entrySet()) {
        Cell c = cell(el.getValue(), inner);
        if (c != null) {
          elements.put(el.getKey(), c);
        }
      }
      if (purgeable(columnDeletion)) {
        columnDeletion = DeletionTime.LIVE;
      }
      if (!elements.isEmpty() || !columnDeletion.isLive()) {
        complex.put(e.getKey(), new ComplexColumn(columnDeletion, elements));
      }
    }
    if (purgeable(deletion)) {
      deletion = DeletionTime.LIVE;
    }
    if (purgeable(shadowable)) {
      shadowable = DeletionTime.LIVE;
    }
    if (liveness.isEmpty() && deletion.isLive() && shadowable.isLive() && cells.isEmpty() && complex.isEmpty()) {
      return null;
    }
    return new RowUpdate(r.clustering(), liveness, deletion, cells, complex, shadowable);
  }

  private Cell cell(Cell c, DeletionTime shadow) {
    if (shadow.deletes(c.timestamp())) {
      return null;
    }
    if (c.counter()) {
      return c;
    }
    if (c.isExpiring() && nowInSeconds >= c.localDeletionTime()) {
      c = new Cell(null, c.timestamp(), 0, c.localDeletionTime() - c.ttl(), false);
    }
    if (c.isTombstone() && purgeable(c.timestamp(), c.localDeletionTime())) {
      return null;
    }
    return c;
  }
}
