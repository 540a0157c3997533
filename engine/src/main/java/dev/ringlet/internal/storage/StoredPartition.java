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
 *
 * <p>Fewer objects per partition, because a write's cost is mostly the memory it first touches: a
 * table without clustering columns has at most one row, held in a field (no sorted map); the range
 * tombstone list and the static row exist only once written; and the token and (up to 16 bytes)
 * the key's bytes are copied into fields, so that the memtable's {@link PartitionIndex} compares a
 * key without fetching the stored key's record, buffer and array.
 */
final class StoredPartition {

  /** Keys up to this many bytes are compared from {@link #key0}/{@link #key1}. */
  private static final int INLINE_KEY_BYTES = 16;

  private final DecoratedKey key;
  private final long token;
  private final int keyLength;
  /** The key's first 8 and next 8 bytes, big-endian, zero-padded (used when keyLength <= 16). */
  private final long key0;
  private final long key1;
  private final ClusteringComparator comparator;
  private DeletionTime partitionDeletion = DeletionTime.LIVE;
  /** Immutable and empty until the first range tombstone; then an ArrayList. */
  private List<RangeTombstone> rangeTombstones = List.of();
  /** Null until a write names the static row. */
  private StoredRow staticRow;
  /** The rows by clustering; null when the table has no clustering columns (then {@link #row}). */
  private final TreeMap<Clustering, StoredRow> rows;
  /** The one row of a table without clustering columns; null until written. */
  private StoredRow row;
  /** The last {@link #snapshot()}, until the next change: raw reads of a partition not written since cost nothing. */
  private PartitionUpdate snapshot;

  StoredPartition(DecoratedKey key, ClusteringComparator comparator) {
    this.key = key;
    this.token = key.token();
    ByteBuffer bytes = key.key();
    this.keyLength = bytes.remaining();
    this.key0 = word(bytes, 0, keyLength);
    this.key1 = word(bytes, 8, keyLength);
    this.comparator = comparator;
    this.rows = comparator.size() == 0 ? null : new TreeMap<>(comparator);
  }

  DecoratedKey key() {
    return key;
  }

  /** Whether this is the partition of {@code token} and the serialized key {@code bytes} (position to limit). */
  boolean hasKey(long token, ByteBuffer bytes) {
    if (this.token != token) {
      return false;
    }
    int n = bytes.remaining();
    if (n != keyLength) {
      return false;
    }
    if (n > INLINE_KEY_BYTES) {
      return key.key().equals(bytes);
    }
    return key0 == word(bytes, 0, n) && key1 == word(bytes, 8, n);
  }

  /** Bytes {@code [from, from + 8)} of the buffer's {@code n} remaining ones as a big-endian long, zero-padded past {@code n}. */
  private static long word(ByteBuffer bytes, int from, int n) {
    int count = Math.min(n - from, 8);
    int at = bytes.position() + from;
    if (count == 8) {
      long v = bytes.getLong(at);
      return bytes.order() == java.nio.ByteOrder.BIG_ENDIAN ? v : Long.reverseBytes(v);
    }
    long v = 0;
    for (int i = 0; i < count; i++) {
      v = (v << 8) | (bytes.get(at + i) & 0xFF);
    }
    return v;
  }

  synchronized void apply(PartitionUpdate update) {
    snapshot = null;
    partitionDeletion = DeletionTime.max(partitionDeletion, update.partitionDeletion());
    List<RangeTombstone> added = update.rangeTombstones();
    for (int i = 0; i < added.size(); i++) { // indexed loops: no iterator per write
      RangeTombstone rt = added.get(i);
      if (!rangeTombstones.contains(rt)) {
        if (rangeTombstones.isEmpty()) {
          rangeTombstones = new ArrayList<>();
        }
        rangeTombstones.add(rt);
      }
    }
    if (update.staticRow() != null) {
      if (staticRow == null) {
        staticRow = new StoredRow();
      }
      staticRow.apply(update.staticRow());
    }
    List<RowUpdate> updated = update.rows();
    for (int i = 0; i < updated.size(); i++) {
      RowUpdate r = updated.get(i);
      stored(r.clustering()).apply(r);
    }
  }

  /** The stored row of a clustering, created empty when there is none. */
  private StoredRow stored(Clustering clustering) {
    if (rows != null) {
      return rows.computeIfAbsent(clustering, c -> new StoredRow());
    }
    if (clustering.size() != 0) {
      throw new IllegalArgumentException("clustering: " + clustering + " (expected: none, the table has no clustering columns)");
    }
    if (row == null) {
      row = new StoredRow();
    }
    return row;
  }

  private boolean hasStatic() {
    return staticRow != null && !staticRow.isEmpty();
  }

  synchronized void dropColumn(String column, long timestampMicros) {
    snapshot = null;
    if (staticRow != null) {
      staticRow.dropColumn(column, timestampMicros);
    }
    if (rows == null) {
      if (row != null) {
        row.dropColumn(column, timestampMicros);
      }
      return;
    }
    for (StoredRow r : rows.values()) {
      r.dropColumn(column, timestampMicros);
    }
  }

  /** Everything stored, as one update that recreates the partition. */
  synchronized PartitionUpdate snapshot() {
    if (snapshot != null) {
      return snapshot;
    }
    List<RowUpdate> copy;
    if (rows == null) {
      copy = row == null ? List.of() : List.of(row.snapshot(Clustering.EMPTY));
    } else {
      copy = new ArrayList<>(rows.size());
      for (Map.Entry<Clustering, StoredRow> e : rows.entrySet()) {
        copy.add(e.getValue().snapshot(e.getKey()));
      }
    }
    RowUpdate statics = hasStatic() ? staticRow.snapshot(Clustering.EMPTY) : null;
    snapshot = new PartitionUpdate(key, partitionDeletion, rangeTombstones, statics, copy);
    return snapshot;
  }

  /**
   * The partition's deletions and static row as stored, and only its rows between the bounds (in
   * clustering order): what a read of that slice needs from this version of the partition.
   */
  synchronized PartitionUpdate snapshot(ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
    List<RowUpdate> copy = new ArrayList<>();
    if (rows == null) {
      if (row != null && comparator.contains(start, end, Clustering.EMPTY)) {
        copy.add(row.snapshot(Clustering.EMPTY));
      }
    } else {
      // Only a bound on part of the clustering leaves rows outside it at its edge of the window.
      boolean endExact = isExact(end);
      boolean begun = isExact(start);
      for (Map.Entry<Clustering, StoredRow> e : sortedWindow(start, end).entrySet()) {
        Clustering c = e.getKey();
        if (!endExact && comparator.compare(c, end) > 0) {
          break;
        }
        if (begun || comparator.compare(c, start) > 0) {
          begun = true;
          copy.add(e.getValue().snapshot(c));
        }
      }
    }
    RowUpdate statics = hasStatic() ? staticRow.snapshot(Clustering.EMPTY) : null;
    return new PartitionUpdate(key, partitionDeletion, rangeTombstones, statics, copy);
  }

  /** The partition as seen at {@code nowInSeconds}. */
  LivePartition read(long nowInSeconds) {
    return read(RowSlice.ALL, nowInSeconds);
  }

  /** The rows {@code slice} selects, and the static row, as seen at {@code nowInSeconds}. */
  synchronized LivePartition read(RowSlice slice, long nowInSeconds) {
    LiveRow liveStatic = hasStatic() ? resolve(Clustering.EMPTY, staticRow, partitionDeletion, nowInSeconds)
        : LiveRow.EMPTY_STATIC;
    int limit = slice.limit();
    if (limit == 0) {
      return new LivePartition(key, liveStatic, new ArrayList<>(0));
    }
    if (rows == null) {
      return new LivePartition(key, liveStatic, readOnlyRow(slice, nowInSeconds));
    }
    List<LiveRow> live = new ArrayList<>(Math.min(limit, rows.size()));
    NavigableMap<Clustering, StoredRow> window = sortedWindow(slice.start(), slice.end());
    if (window.isEmpty()) {
      return new LivePartition(key, liveStatic, live);
    }
    boolean reversed = slice.reversed();
    // The window ends exactly at a bound on the whole clustering. At a bound on a prefix of it, rows
    // just outside the bound may lie at the window's edge: skip them until the slice begins (in
    // walk order), stop once past its end.
    boolean begun = isExact(reversed ? slice.end() : slice.start());
    boolean lastExact = isExact(reversed ? slice.start() : slice.end());
    for (Map.Entry<Clustering, StoredRow> e : (reversed ? window.descendingMap() : window).entrySet()) {
      Clustering c = e.getKey();
      if (!begun) {
        if (reversed ? comparator.compare(c, slice.end()) >= 0 : comparator.compare(c, slice.start()) <= 0) {
          continue;
        }
        begun = true;
      }
      if (!lastExact && (reversed ? comparator.compare(c, slice.start()) <= 0 : comparator.compare(c, slice.end()) >= 0)) {
        break;
      }
      LiveRow r = resolve(c, e.getValue(), rowDeletion(c), nowInSeconds);
      if (!r.isEmpty()) {
        live.add(r);
        if (live.size() >= limit) {
          break;
        }
      }
    }
    return new LivePartition(key, liveStatic, live);
  }

  /** The one row of a table without clustering columns, as a list of the live rows the slice (limit > 0) selects. */
  private List<LiveRow> readOnlyRow(RowSlice slice, long nowInSeconds) {
    List<LiveRow> live = new ArrayList<>(1);
    if (row != null && comparator.contains(slice.start(), slice.end(), Clustering.EMPTY)) {
      LiveRow r = resolve(Clustering.EMPTY, row, rowDeletion(Clustering.EMPTY), nowInSeconds);
      if (!r.isEmpty()) {
        live.add(r);
      }
    }
    return live;
  }

  /** The partition's deletion and every range tombstone covering the clustering, the latest of them. */
  private DeletionTime rowDeletion(Clustering c) {
    DeletionTime deletion = partitionDeletion;
    for (RangeTombstone rt : rangeTombstones) {
      if (comparator.contains(rt.start(), rt.end(), c)) {
        deletion = DeletionTime.max(deletion, rt.deletion());
      }
    }
    return deletion;
  }

  /** Whether the bound is on the whole clustering: the sorted rows then split exactly at it. */
  private boolean isExact(ClusteringComparator.Bound bound) {
    return bound.prefix().size() == comparator.size();
  }

  /**
   * The rows that may lie between the bounds (the table has clustering columns): a bound on the
   * whole clustering cuts the sorted rows exactly where it lies, inclusive or not; a bound on a
   * prefix of it cuts them at the first clustering with that prefix (a start) or not at all (an
   * end), and the caller checks the rows at that edge. Empty when the bounds cannot hold any row.
   */
  private NavigableMap<Clustering, StoredRow> sortedWindow(ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
    Clustering from = start.prefix();
    Clustering to = end.prefix();
    boolean fromExact = isExact(start);
    boolean toExact = isExact(end);
    if (toExact && comparator.compare(from, to) > 0) {
      return java.util.Collections.emptyNavigableMap();
    }
    if (fromExact && toExact) {
      return rows.subMap(from, start.inclusive(), to, end.inclusive());
    }
    NavigableMap<Clustering, StoredRow> window = from.size() == 0 ? rows : rows.tailMap(from, !fromExact || start.inclusive());
    return toExact ? window.headMap(to, end.inclusive()) : window;
  }

  /** The row as a read sees it at {@code now} under {@code outer} (the partition's and covering range deletions). */
  static LiveRow resolve(Clustering clustering, StoredRow row, DeletionTime outer, long now) {
    return resolve(clustering, row.liveness, row.effectiveDeletion(), row.cells, row.complex, outer, now);
  }

  /**
   * The one version of a row as a read sees it: what {@link #resolve(Clustering, StoredRow,
   * DeletionTime, long)} gives for the row stored by applying only that version, without storing it.
   */
  static LiveRow resolve(Clustering clustering, RowUpdate row, DeletionTime outer, long now) {
    // A stored row forgets a shadowable deletion its liveness is newer than (RowDeletions).
    DeletionTime own = RowDeletions.isShadowedBy(row.shadowableDeletion(), row.liveness()) ? row.deletion()
        : row.effectiveDeletion();
    return resolve(clustering, row.liveness(), own, row.cells(), row.complex(), outer, now);
  }

  private static LiveRow resolve(Clustering clustering, LivenessInfo liveness, DeletionTime own, Map<String, Cell> cells,
      Map<String, ComplexColumn> complex, DeletionTime outer, long now) {
    DeletionTime deletion = DeletionTime.max(outer, own);
    if (!liveness.isLive(now) || deletion.deletes(liveness.timestamp())) {
      liveness = LivenessInfo.EMPTY;
    }
    return new LiveRow(clustering, liveness, liveCells(cells, deletion, now), liveComplex(complex, deletion, now));
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
