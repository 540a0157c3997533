package dev.ringlet.internal.exec.view;

import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.ViewMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The view mutations for one base partition update (pure). Each base row the update touches is
 * read as it was before and as it is after the update; its view key before and after decide what
 * the view receives:
 *
 * <ul>
 *   <li>same key: the update's own cells (tombstones included) of the view's columns, its row,
 *       range and partition deletions, and the recomputed row liveness: exactly what the base got;
 *   <li>a new key (the row appeared, or its view key column changed): the whole row as it is now;
 *   <li>an old key that no longer applies: a row deletion at least as new as everything the old
 *       view row held.
 * </ul>
 *
 * The view row's liveness is the base row's, or, when a regular base column is part of the view
 * key, the newer of the base liveness and that column's cell, expiring with that cell.
 */
public final class ViewUpdates {

  private final TableMetadata base;
  private final TableMetadata view;
  private final String keyColumn;
  private final dev.ringlet.internal.storage.ClusteringComparator comparator;

  public ViewUpdates(TableMetadata base, TableMetadata view) {
    this.base = base;
    this.comparator = TableComparators.clustering(base);
    this.view = view;
    String regular = null;
    for (ColumnMetadata c : viewKey()) {
      ColumnMetadata b = base.column(c.name());
      if (b != null && !b.isPrimaryKey()) {
        regular = c.name();
      }
    }
    this.keyColumn = regular;
  }

  private List<ColumnMetadata> viewKey() {
    List<ColumnMetadata> key = new ArrayList<>(view.partitionKey());
    key.addAll(view.clustering());
    return key;
  }

  /**
   * @param existing the base partition as stored before the update (null: nothing stored)
   * @return the view's partition updates, one per view partition
   */
  public List<PartitionUpdate> compute(PartitionUpdate existing, PartitionUpdate update, long nowInSeconds) {
    MemoryTableStore store = new MemoryTableStore(comparator);
    if (existing != null) {
      store.apply(existing);
    }
    LivePartition before = store.read(update.key(), nowInSeconds);
    store.apply(update);
    LivePartition after = store.read(update.key(), nowInSeconds);
    Map<List<ByteBuffer>, RowUpdate> rawAfter = new HashMap<>();
    PartitionUpdate raw = store.readRaw(update.key());
    if (raw != null) {
      for (RowUpdate r : raw.rows()) {
        rawAfter.put(r.clustering().values(), r);
      }
    }
    List<ByteBuffer> partitionKey = PartitionKeys.split(base, update.key().key());

    Map<List<ByteBuffer>, LiveRow> beforeRows = byClustering(before);
    Map<List<ByteBuffer>, LiveRow> afterRows = byClustering(after);
    Map<List<ByteBuffer>, RowUpdate> updated = new LinkedHashMap<>();
    for (RowUpdate r : update.rows()) {
      updated.put(r.clustering().values(), r);
    }
    List<List<ByteBuffer>> affected = new ArrayList<>(updated.keySet());
    boolean wide = !update.partitionDeletion().isLive() || !update.rangeTombstones().isEmpty();
    if (wide) {
      for (List<ByteBuffer> c : beforeRows.keySet()) {
        if (!updated.containsKey(c)) {
          affected.add(c);
        }
      }
    }
    Map<DecoratedKey, List<RowUpdate>> out = new LinkedHashMap<>();
    for (List<ByteBuffer> clustering : affected) {
      LiveRow b = beforeRows.get(clustering);
      LiveRow a = afterRows.get(clustering);
      RowUpdate u = updated.get(clustering);
      ViewKey oldKey = key(partitionKey, b);
      ViewKey newKey = key(partitionKey, a);
      long updateTime = maxTimestamp(update, u);
      if (oldKey != null && oldKey.equals(newKey)) {
        add(out, newKey, sameKey(newKey, a, u, update, new Clustering(clustering)));
        continue;
      }
      if (oldKey != null) {
        long at = Math.max(updateTime, maxTimestamp(b));
        DeletionTime deletion = new DeletionTime(at, nowInSeconds);
        // A base row that is gone deletes its view row for good; one that lives on under another
        // view key (or none) leaves a shadowable deletion, which a newer liveness overrides if the
        // row comes back to this key, its older cells then counting again with their write times.
        add(out, oldKey, a == null
            ? new RowUpdate(oldKey.clustering(), LivenessInfo.EMPTY, deletion, Map.of(), Map.of())
            : new RowUpdate(oldKey.clustering(), LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of(), deletion));
      }
      if (newKey != null) {
        add(out, newKey, wholeRow(newKey, a, rawAfter.get(clustering)));
      }
    }
    List<PartitionUpdate> updates = new ArrayList<>();
    out.forEach((key, rows) -> updates.add(new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, rows)));
    return updates;
  }

  /** The update of one view row whose key did not change. */
  private RowUpdate sameKey(ViewKey key, LiveRow after, RowUpdate u, PartitionUpdate update, Clustering baseClustering) {
    DeletionTime deletion = update.partitionDeletion();
    for (RangeTombstone rt : update.rangeTombstones()) {
      if (comparator.contains(rt.start(), rt.end(), baseClustering)) {
        deletion = DeletionTime.max(deletion, rt.deletion());
      }
    }
    Map<String, Cell> cells = new HashMap<>();
    Map<String, ComplexColumn> complex = new HashMap<>();
    if (u != null) {
      deletion = DeletionTime.max(deletion, u.deletion());
      for (ColumnMetadata c : view.others()) {
        Cell cell = u.cells().get(c.name());
        if (cell != null) {
          cells.put(c.name(), cell);
        }
        ComplexColumn cc = u.complex().get(c.name());
        if (cc != null) {
          complex.put(c.name(), cc);
        }
      }
    }
    return new RowUpdate(key.clustering(), liveness(after), deletion, cells, complex);
  }

  /**
   * The whole view row as the base row is now (a row new to this view key), every cell with its base
   * write time. The base row's tombstones of the view's columns come along: a key the row held
   * before keeps its cells under a shadowable deletion, which the new liveness overrides, and a cell
   * deleted in the base meanwhile must not come back with it.
   */
  private RowUpdate wholeRow(ViewKey key, LiveRow row, RowUpdate raw) {
    Map<String, Cell> cells = new HashMap<>();
    Map<String, ComplexColumn> complex = new HashMap<>();
    for (ColumnMetadata c : view.others()) {
      Cell cell = row.cell(c.name());
      if (cell != null) {
        cells.put(c.name(), cell);
      } else if (raw != null && raw.cells().get(c.name()) != null
          && raw.cells().get(c.name()).localDeletionTime() != Cell.NO_DELETION_TIME) {
        cells.put(c.name(), raw.cells().get(c.name())); // a tombstone, or a cell whose TTL ran out
      }
      Map<ByteBuffer, Cell> elements = row.elements(c.name());
      ComplexColumn stored = raw == null ? null : raw.complex().get(c.name());
      DeletionTime columnDeletion = stored == null ? DeletionTime.LIVE : stored.deletion();
      if (!elements.isEmpty() || !columnDeletion.isLive()) {
        complex.put(c.name(), new ComplexColumn(columnDeletion, elements));
      }
    }
    DeletionTime rowDeletion = raw == null ? DeletionTime.LIVE : raw.deletion();
    return new RowUpdate(key.clustering(), liveness(row), rowDeletion, cells, complex);
  }

  /** The view row's liveness for a live base row. */
  private LivenessInfo liveness(LiveRow row) {
    LivenessInfo base = row.liveness();
    if (keyColumn != null) {
      Cell cell = row.cell(keyColumn);
      long ts = Math.max(base.isEmpty() ? Long.MIN_VALUE : base.timestamp(), cell.timestamp());
      return cell.isExpiring() ? new LivenessInfo(ts, cell.ttl(), cell.localDeletionTime()) : new LivenessInfo(ts, 0, Long.MAX_VALUE);
    }
    if (!base.isEmpty()) {
      return base;
    }
    if (view.view().includeAllColumns()) {
      return LivenessInfo.EMPTY; // the row lives through its cells, which the view has too
    }
    // The base row lives only through cells, some of which the view may not select: the view row
    // lives as long as the longest-lived of them.
    long ts = Long.MIN_VALUE;
    Cell longest = null;
    List<Cell> all = new ArrayList<>(row.cells().values());
    row.complex().values().forEach(m -> all.addAll(m.values()));
    for (Cell c : all) {
      ts = Math.max(ts, c.timestamp());
      if (longest == null || (longest.isExpiring() && (!c.isExpiring() || c.localDeletionTime() > longest.localDeletionTime()))) {
        longest = c;
      }
    }
    if (longest == null) {
      return LivenessInfo.EMPTY;
    }
    return longest.isExpiring() ? new LivenessInfo(ts, longest.ttl(), longest.localDeletionTime()) : new LivenessInfo(ts, 0, Long.MAX_VALUE);
  }

  /** The view key of a live base row, or null when the row is absent, a key column is null or the WHERE clause fails. */
  private ViewKey key(List<ByteBuffer> partitionKey, LiveRow row) {
    if (row == null || row.isEmpty()) {
      return null;
    }
    Map<String, ByteBuffer> values = new HashMap<>();
    for (ColumnMetadata c : base.partitionKey()) {
      values.put(c.name(), partitionKey.get(c.position()));
    }
    for (ColumnMetadata c : base.clustering()) {
      values.put(c.name(), row.clustering().get(c.position()));
    }
    if (keyColumn != null) {
      Cell cell = row.cell(keyColumn);
      if (cell == null) {
        return null;
      }
      values.put(keyColumn, cell.value());
    }
    for (ViewMetadata.Restriction r : view.view().restrictions()) {
      if (!holds(r, values.get(r.column()))) {
        return null;
      }
    }
    List<ByteBuffer> pk = new ArrayList<>();
    for (ColumnMetadata c : view.partitionKey()) {
      pk.add(values.get(c.name()));
    }
    List<ByteBuffer> ck = new ArrayList<>();
    for (ColumnMetadata c : view.clustering()) {
      ck.add(values.get(c.name()));
    }
    return new ViewKey(PartitionKeys.decorate(view, pk), new Clustering(ck));
  }

  private boolean holds(ViewMetadata.Restriction r, ByteBuffer value) {
    if (value == null) {
      return false;
    }
    ColumnMetadata c = base.column(r.column());
    if (r.operator().equals("IN")) {
      return r.values().stream().anyMatch(v -> c.type().compare(value, v) == 0);
    }
    int cmp = c.type().compare(value, r.values().get(0));
    switch (r.operator()) {
      case "=": return cmp == 0;
      case "<": return cmp < 0;
      case "<=": return cmp <= 0;
      case ">": return cmp > 0;
      case ">=": return cmp >= 0;
      default: throw new IllegalStateException("operator: " + r.operator() + " (expected: =, <, <=, >, >= or IN)");
    }
  }

  /** The newest timestamp an update carries for one row (its deletions included). */
  private static long maxTimestamp(PartitionUpdate update, RowUpdate row) {
    long max = update.partitionDeletion().markedForDeleteAt();
    for (RangeTombstone rt : update.rangeTombstones()) {
      max = Math.max(max, rt.deletion().markedForDeleteAt());
    }
    if (row != null) {
      max = Math.max(max, row.deletion().markedForDeleteAt());
      if (!row.liveness().isEmpty()) {
        max = Math.max(max, row.liveness().timestamp());
      }
      for (Cell c : row.cells().values()) {
        max = Math.max(max, c.timestamp());
      }
      for (ComplexColumn cc : row.complex().values()) {
        max = Math.max(max, cc.deletion().markedForDeleteAt());
        for (Cell c : cc.cells().values()) {
          max = Math.max(max, c.timestamp());
        }
      }
    }
    return max;
  }

  /** The newest timestamp of what the view row of this base row held. */
  private long maxTimestamp(LiveRow row) {
    long max = liveness(row).timestamp();
    for (ColumnMetadata c : view.others()) {
      Cell cell = row.cell(c.name());
      if (cell != null) {
        max = Math.max(max, cell.timestamp());
      }
      for (Cell e : row.elements(c.name()).values()) {
        max = Math.max(max, e.timestamp());
      }
    }
    if (keyColumn != null) {
      max = Math.max(max, row.cell(keyColumn).timestamp());
    }
    return max;
  }

  private static Map<List<ByteBuffer>, LiveRow> byClustering(LivePartition p) {
    Map<List<ByteBuffer>, LiveRow> rows = new LinkedHashMap<>();
    for (LiveRow r : p.rows()) {
      rows.put(r.clustering().values(), r);
    }
    return rows;
  }

  private static void add(Map<DecoratedKey, List<RowUpdate>> out, ViewKey key, RowUpdate row) {
    out.computeIfAbsent(key.partition(), k -> new ArrayList<>()).add(row);
  }

  /** Where a base row lands in the view. */
  private record ViewKey(DecoratedKey partition, Clustering clustering) {}
}
