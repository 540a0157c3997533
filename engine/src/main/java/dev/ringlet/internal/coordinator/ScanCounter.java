package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.exec.ScannedTombstones;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TombstoneCount;
import java.util.List;

/**
 * What one request's read commands scanned on the coordinator's own replica, command by command,
 * as 5.0's {@code ReadCommand} counts it for the warning it attaches past
 * {@code tombstone_warn_threshold}: the partitions each command read, forgetting the rows after
 * the one the executor stopped at (a LIMIT, a page end), and the partitions outside the token
 * restrictions of its row filter. Used by a single node's requests and by a
 * cluster coordinator's for its own replica. Not thread-safe: one request's thread.
 */
final class ScanCounter {

  private int liveRows;
  private int tombstones;
  private long lastToken;
  /** The partition read last and what reading it counted, while the executor may still stop early in it. */
  private DecoratedKey lastKey;
  private TombstoneCount.SliceCount lastCount;
  /** For an index-served read of that partition, the hits up to each live row of its slice; else null. */
  private int[] lastHitsUpTo;
  /** The rows single-partition reads name, or null. */
  private List<Clustering> names;

  /**
   * Where a paged scan resumes: the partition and the row after which it reads it (null: it does
   * not read that partition); no key when the scan does not resume.
   */
  private DecoratedKey resumeKey;
  private Clustering resumeAfter;
  /** The commands' row filter, or null: a scan counts no partition outside its token restrictions. */
  private dev.ringlet.internal.exec.select.RowFilter filter;

  void rowFilter(dev.ringlet.internal.exec.select.RowFilter filter) {
    this.filter = filter;
  }

  /** The commands' row filter, or null. */
  dev.ringlet.internal.exec.select.RowFilter rowFilter() {
    return filter;
  }

  void resumesAfter(DecoratedKey key, Clustering clustering) {
    this.resumeKey = key;
    this.resumeAfter = clustering;
  }

  /**
   * The bounds a scan reads the partition {@code key} within: {@code bounds}, or for the partition
   * a paged scan resumes in, only the rows after the one the previous page returned last (null:
   * the scan does not read that partition).
   */
  RowSlice scanBounds(DecoratedKey key, RowSlice bounds, ClusteringComparator comparator) {
    if (filter != null && !filter.tokenMatches(key.token())) {
      return null; // outside the command's token range: 5.0 does not read it
    }
    if (resumeKey == null || !key.equals(resumeKey)) {
      return bounds;
    }
    if (resumeAfter == null) {
      return null;
    }
    return resumedAfter(bounds, resumeAfter, comparator);
  }

  /** What a scan's later page reads of the partition it resumes in: its rows of {@code bounds} after {@code last}. */
  static RowSlice resumedAfter(RowSlice bounds, Clustering last, ClusteringComparator comparator) {
    if (bounds.parts() != null) {
      return bounds.cutAt(comparator, last, true);
    }
    return new RowSlice(new ClusteringComparator.Bound(last, true, false), bounds.end(), false, bounds.limit());
  }

  /** The current command's live rows so far. */
  int liveRows() {
    return liveRows;
  }

  /** The current command's tombstones so far. */
  int tombstones() {
    return tombstones;
  }

  /** The partition a paged scan resumes in, or null. */
  DecoratedKey resumeKey() {
    return resumeKey;
  }

  /** The row after which the scan reads {@link #resumeKey()}; null: it does not read it. */
  Clustering resumeAfter() {
    return resumeAfter;
  }

  void readOnly(List<Clustering> names) {
    this.names = names;
  }

  /** The rows single-partition reads name (a names filter), or null. */
  List<Clustering> names() {
    return names;
  }

  /** What a read of {@code slice} (or of only the named rows) scans in the stored partition {@code raw}. */
  static TombstoneCount.SliceCount count(PartitionUpdate raw, RowSlice slice, List<Clustering> names,
      ClusteringComparator comparator, long nowInSeconds) {
    return names == null ? TombstoneCount.of(raw, slice, comparator, nowInSeconds)
        : TombstoneCount.ofNames(raw, names, slice, comparator, nowInSeconds);
  }

  /**
   * Adds a partition the current command read ({@code key} or {@code count} null: nothing stored)
   * and what reading it scanned; returns the command's tombstones so far.
   */
  int add(DecoratedKey key, TombstoneCount.SliceCount count) {
    return add(key, count, null);
  }

  /**
   * Adds what an index-served read of the partition {@code key} scanned ({@link FilteredScan#indexed}):
   * {@code hitsUpTo} maps the executor's rows of the slice to the hits read up to them.
   */
  int add(DecoratedKey key, TombstoneCount.SliceCount count, int[] hitsUpTo) {
    lastHitsUpTo = hitsUpTo;
    if (key == null || count == null) {
      lastCount = null;
      lastKey = null;
      return tombstones;
    }
    liveRows += count.liveRows();
    tombstones += count.tombstones();
    lastToken = key.token();
    lastKey = key;
    lastCount = count;
    return tombstones;
  }

  /** The executor used only the first {@code rows} live rows of the partition {@code key}, read last. */
  void stoppedAfter(DecoratedKey key, int rows) {
    if (lastCount != null && key.equals(lastKey)) {
      int read = lastHitsUpTo == null ? rows : rows == 0 ? 0 : lastHitsUpTo[Math.min(rows, lastHitsUpTo.length) - 1];
      TombstoneCount.Counts used = lastCount.upTo(read);
      liveRows -= lastCount.liveRows() - used.liveRows();
      tombstones -= lastCount.tombstones() - used.tombstones();
      lastCount = null;
    }
  }

  /** Ends the current command: what it scanned when over {@code warnTombstones}, else null. */
  ScannedTombstones.Scanned endCommand(int warnTombstones) {
    ScannedTombstones.Scanned out = tombstones > warnTombstones ? new ScannedTombstones.Scanned(liveRows, tombstones, lastToken)
        : null;
    liveRows = 0;
    tombstones = 0;
    lastCount = null;
    lastKey = null;
    return out;
  }
}
