package dev.ringlet.internal.trace;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The events of 5.0's counter leader ({@code CounterMutation.applyCounterMutation}): it locks the
 * counters, looks each one up in its counter cache, and reads the ones it misses from the table
 * before writing. 5.0's counter cache holds a counter once this node led a write of it; Ringlet keeps
 * no cache and derives the same answer from what the node stores (see {@link #lookup}).
 */
public final class CounterTraces {

  /** How many counters an update changes, and how many of them 5.0's cache would miss. */
  public record Lookup(int counters, int misses) {}

  private CounterTraces() {}

  /**
   * The counters of {@code update} that {@code isCounter} accepts, each a cache hit when
   * {@code stored} (the partition as this node stores it, null for none) has a cell for it that
   * {@code cached} accepts (on one node: any live counter cell; in a cluster: one carrying this
   * node's own shard, which only a write it led puts there).
   */
  public static Lookup lookup(PartitionUpdate update, PartitionUpdate stored, Predicate<Cell> isCounter,
      Predicate<Cell> cached) {
    int[] counts = new int[2];
    if (update.staticRow() != null) {
      count(update.staticRow(), stored == null ? null : stored.staticRow(), isCounter, cached, counts);
    }
    for (RowUpdate row : update.rows()) {
      RowUpdate storedRow = null;
      if (stored != null) {
        for (RowUpdate r : stored.rows()) {
          if (r.clustering().equals(row.clustering())) {
            storedRow = r;
            break;
          }
        }
      }
      count(row, storedRow, isCounter, cached, counts);
    }
    return new Lookup(counts[0], counts[1]);
  }

  private static void count(RowUpdate row, RowUpdate stored, Predicate<Cell> isCounter, Predicate<Cell> cached, int[] counts) {
    for (Map.Entry<String, Cell> e : row.cells().entrySet()) {
      if (!isCounter.test(e.getValue())) {
        continue;
      }
      counts[0]++;
      Cell now = stored == null ? null : stored.cells().get(e.getKey());
      if (now == null || !now.counter() || now.isTombstone() || !cached.test(now)) {
        counts[1]++;
      }
    }
  }

  /** Records the leader's events before its write: the locks, the cache, and the read of what it missed. */
  public static void trace(Tracer tracer, Lookup lookup, String table, int sstables) {
    tracer.trace("Acquiring counter locks");
    tracer.trace("Fetching " + lookup.counters() + " counter values from cache");
    if (lookup.misses() > 0) {
      tracer.trace("Reading " + lookup.misses() + " counter values from the CF");
      tracer.trace("Executing single-partition query on " + table);
      tracer.trace("Acquiring sstable references");
      tracer.trace("Skipped 0/" + sstables + " non-slice-intersecting sstables, included 0 due to tombstones");
    }
  }

  /** Whether a cell is a counter increment not yet applied (what a client's update carries). */
  public static boolean isIncrement(Cell cell) {
    return cell.counter() && !cell.isTombstone() && cell.counterContext().isUpdate();
  }
}
