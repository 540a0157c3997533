package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One partition in memory with every tombstone kept. All access goes through its monitor; reads
 * return immutable {@link LivePartition} snapshots resolved at a given instant.
 *
 * <p>A read resolves only the rows its {@link RowSlice} selects: it walks the rows between the
 * slice's bounds (a sub-map of the sorted rows, no scan from the first row) in the slice's
 * direction and stops at its limit of live rows. Resolving a row whose cells are all live reuses
 * the stored (immutable) cell maps.
 */
final class StoredPartition {

  private final DecoratedKey key;
  private final ClusteringComparator comparator;
  private DeletionTime partitionDeletion = DeletionTime.LIVE;
  private final List<RangeTombstone> rangeTombstones = new ArrayList<>();
  private final StoredRow staticRow = new StoredRow();
  private final TreeMap<Clustering, StoredRow> rows;
  /** The last {@link #snapshot()}, until the next change: raw reads of a partition not written since cost nothing. */
  private PartitionUpdate snapshot;

  StoredPartition(DecoratedKey key, ClusteringComparator comparator) {
    this.key = key;
    this.comparator = comparator;
    this.rows = new TreeMap<>(comparator);
  }

  synchronized void apply(PartitionUpdate update) {
    snapshot = null;
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
    snapshot = null;
    staticRow.dropColumn(column, timestampMicros);
    for (StoredRow r : rows.values()) {
      r.dropColumn(column, timestampMicros);
    }
  }

  /** Everything stored, as one update that recreates the partition. */
  synchronized PartitionUpdate snapshot() {
    if (snapshot != null) {
      return snapshot;
    }
    List<RowUpdate> copy = new ArrayList<>(rows.size());
    for (Map.Entry<Clustering, StoredRow> e : rows.entrySet()) {
      copy.add(e.getValue().snapshot(e.getKey()));
    }
    RowUpdate statics = staticRow.isEmpty() ? null : staticRow.snapshot(Clustering.EMPTY);
    snapshot = new PartitionUpdate(key, partitionDeletion, rangeTombstones, statics, copy);
    return snapshot;
  }

  /**
   * The partition's deletions and static row as stored, and only its rows between the bounds (in
   * clustering order): what a read of that slice needs from this version of the partition.
   */
  synchronized PartitionUpdate snapshot(ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
    List<RowUpdate> copy = new ArrayList<>();
    for (Map.Entry<Clustering, StoredRow> e : window(new RowSlice(start, end, false, Integer.MAX_VALUE)).entrySet()) {
      Clustering c = e.getKey();
      if (comparator.compare(c, end) > 0) {
        break;
      }
      if (comparator.compare(c, start) > 0) {
        copy.add(e.getValue().snapshot(c));
      }
    }
    RowUpdate statics = staticRow.isEmpty() ? null : staticRow.snapshot(Clustering.EMPTY);
    return new PartitionUpdate(key, partitionDeletion, rangeTombstones, statics, copy);
  }

  /** The partition as seen at {@code nowInSeconds}. */
  LivePartition read(long nowInSeconds) {
    return read(RowSlice.ALL, nowInSeconds);
  }

  /** The rows {@code slice} selects, and the static row, as seen at {@code nowInSeconds}. */
  synchronized LivePartition read(RowSlice slice, long nowInSeconds) {
    LiveRow liveStatic = staticRow.isEmpty() ? LiveRow.EMPTY_STATIC
        : resolve(Clustering.EMPTY, staticRow, partitionDeletion, nowInSeconds);
    int limit = slice.limit();
    List<LiveRow> live = new ArrayList<>(Math.min(limit, rows.size()));
    if (limit == 0) {
      return new LivePartition(key, liveStatic, live);
    }
    NavigableMap<Clustering, StoredRow> window = window(slice);
    if (window.isEmpty()) {
      return new LivePartition(key, liveStatic, live);
    }
    boolean reversed = slice.reversed();
    boolean begun = false;
    for (Map.Entry<Clustering, StoredRow> e : (reversed ? window.descendingMap() : window).entrySet()) {
      Clustering c = e.getKey();
      // The window's edges may hold rows just outside the bounds: skip them until the slice
      // begins (in walk order), stop once past its end.
      if (!begun) {
        if (reversed ? comparator.compare(c, slice.end()) >= 0 : comparator.compare(c, slice.start()) <= 0) {
          continue;
        }
        begun = true;
      }
      if (reversed ? comparator.compare(c, slice.start()) <= 0 : comparator.compare(c, slice.end()) >= 0) {
        break;
      }
      DeletionTime deletion = partitionDeletion;
      for (RangeTombstone rt : rangeTombstones) {
        if (comparator.contains(rt.start(), rt.end(), c)) {
          deletion = DeletionTime.max(deletion, rt.deletion());
        }
      }
      LiveRow row = resolve(c, e.getValue(), deletion, nowInSeconds);
      if (!row.isEmpty()) {
        live.add(row);
        if (live.size() >= limit) {
          break;
        }
      }
    }
    return new LivePartition(key, liveStatic, live);
  }

  /**
   * The rows from the first clustering at or after the start bound's prefix (every row within the
   * bounds sorts there or later) to, when the end bound is a whole clustering, that clustering;
   * else to the last row. Empty when the bounds cannot hold any row.
   */
  private NavigableMap<Clustering, StoredRow> window(RowSlice slice) {
    Clustering from = slice.start().prefix();
    Clustering to = slice.end().prefix();
    boolean bounded = to.size() == comparator.size() && to.size() > 0;
    if (bounded && comparator.compare(from, to) > 0) {
      return java.util.Collections.emptyNavigableMap();
    }
    NavigableMap<Clustering, StoredRow> window = from.size() == 0 ? rows : rows.tailMap(from, true);
    return bounded ? window.headMap(to, true) : window;
  }

  /** The row as a read sees it at {@code now} under {@code outer} (the partition's and covering range deletions). */
  static LiveRow resolve(Clustering clustering, StoredRow row, DeletionTime outer, long now) {
    DeletionTime deletion = DeletionTime.max(outer, row.effectiveDeletion());
    LivenessInfo liveness = row.liveness;
    if (!liveness.isLive(now) || deletion.deletes(liveness.timestamp())) {
      liveness = LivenessInfo.EMPTY;
    }
    return new LiveRow(clustering, liveness, liveCells(row.cells, deletion, now), liveComplex(row.complex, deletion, now));
  }

  /** The cells a read sees: the stored map itself when every cell is live, plain (not a counter) and not deleted. */
  private static Map<String, Cell> liveCells(Map<String, Cell> stored, DeletionTime deletion, long now) {
    boolean asStored = true;
    for (Cell c : stored.values()) {
      if (c.counter() || !c.isLive(now) || deletion.deletes(c.timestamp())) {
        asStored = false;
        break;
      }
    }
    if (asStored) {
      return stored;
    }
    Map<String, Cell> cells = new HashMap<>();
    for (Map.Entry<String, Cell> e : stored.entrySet()) {
      Cell c = e.getValue();
      if (c.isLive(now) && !deletion.deletes(c.timestamp())) {
        cells.put(e.getKey(), c.counter() ? counterTotal(c) : c);
      }
    }
    return cells;
  }

  private static Map<String, Map<ByteBuffer, Cell>> liveComplex(Map<String, ComplexColumn> stored, DeletionTime deletion,
      long now) {
    if (stored.isEmpty()) {
      return Map.of();
    }
    Map<String, Map<ByteBuffer, Cell>> complex = new HashMap<>();
    for (Map.Entry<String, ComplexColumn> e : stored.entrySet()) {
      Map<ByteBuffer, Cell> live = e.getValue().live(deletion, now);
      if (!live.isEmpty()) {
        complex.put(e.getKey(), live);
      }
    }
    return complex;
  }

  /** A counter as a read sees it: the sum of its context, as an 8-byte bigint. */
  private static Cell counterTotal(Cell c) {
    ByteBuffer total = ByteBuffer.allocate(8);
    total.putLong(0, c.counterContext().total());
    return new Cell(total, c.timestamp(), 0, Cell.NO_DELETION_TIME, true);
  }
}
