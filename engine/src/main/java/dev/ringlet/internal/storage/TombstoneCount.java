package dev.ringlet.internal.storage;

import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import java.util.ArrayList;
import java.util.List;

/**
 * How many live rows and tombstones a read scans in one partition, counted as Cassandra 5.0's
 * read path counts them for {@code tombstone_warn_threshold}/{@code tombstone_failure_threshold}
 * ({@code ReadCommand}'s metric recording, which counts while the read iterates): the static row
 * first, then the rows of the read's slice in its walk order, stopping right after the live row that
 * fills its limit. Every range tombstone that meets the slice is two markers (its open and close
 * bounds, clipped to the slice), each counted when the walk passes it; in each row every cell that
 * is not live (a tombstone or an expired cell) counts one; a row with no live data and no such cell
 * but a deletion of its own (a row tombstone) counts one. What a newer partition, range or row
 * deletion shadows is not seen by the read, so it is not counted. Pure functions of the stored
 * partition, whose rows are in clustering order (as every store gives them).
 */
public final class TombstoneCount {

  private TombstoneCount() {}

  /** The live rows and tombstones of the whole stored partition {@code p} read at {@code nowInSeconds}. */
  public static Counts of(PartitionUpdate p, ClusteringComparator comparator, long nowInSeconds) {
    SliceCount c = of(p, RowSlice.ALL, comparator, nowInSeconds);
    return new Counts(c.liveRows(), c.tombstones());
  }

  /** What a read of {@code slice} (bounds, direction, limit of live rows) scans in the stored partition {@code p}. */
  public static SliceCount of(PartitionUpdate p, RowSlice slice, ClusteringComparator comparator, long nowInSeconds) {
    return of(p, slice, comparator, nowInSeconds, true);
  }

  /**
   * What a read of only the rows {@code names} (in clustering order; a names filter) scans, walked
   * as {@code slice} says: only the names within its bounds (a later page's read resumes after the
   * row returned last, as 5.0's names filter drops the names before it); no range tombstone marker
   * is met, only the deletions covering the named rows.
   */
  public static SliceCount ofNames(PartitionUpdate p, List<Clustering> names, RowSlice slice, ClusteringComparator comparator,
      long nowInSeconds) {
    List<Clustering> within = names;
    if (slice.start().prefix().size() > 0 || slice.end().prefix().size() > 0) {
      within = new ArrayList<>(names.size());
      for (Clustering c : names) {
        if (comparator.contains(slice.start(), slice.end(), c)) {
          within.add(c);
        }
      }
    }
    return of(named(p, within, comparator), new RowSlice(Bound.BOTTOM, Bound.TOP, slice.reversed(), slice.limit()),
        comparator, nowInSeconds, false);
  }

  /** The stored partition {@code p} with only its rows {@code names} (in clustering order), as a names read sees it. */
  public static PartitionUpdate named(PartitionUpdate p, List<Clustering> names, ClusteringComparator comparator) {
    List<RowUpdate> named = new ArrayList<>();
    int at = 0;
    for (RowUpdate row : p.rows()) {
      while (at < names.size() && comparator.compare(names.get(at), row.clustering()) < 0) {
        at++;
      }
      if (at < names.size() && comparator.compare(names.get(at), row.clustering()) == 0) {
        named.add(row);
      }
    }
    return new PartitionUpdate(p.key(), p.partitionDeletion(), p.rangeTombstones(), p.staticRow(), named);
  }

  private static SliceCount of(PartitionUpdate p, RowSlice slice, ClusteringComparator comparator, long nowInSeconds,
      boolean countMarkers) {
    DeletionTime partition = p.partitionDeletion();
    List<Bound[]> markers = new ArrayList<>(p.rangeTombstones().size());
    for (RangeTombstone rt : countMarkers ? p.rangeTombstones() : List.<RangeTombstone>of()) {
      if (!partition.isLive() && partition.compareTo(rt.deletion()) >= 0) {
        continue;
      }
      for (RowSlice.Part part : slice.slices()) {
        // each slice read meets the range tombstone's part within it (5.0 reads its slices one by one)
        Bound start = max(comparator, rt.start(), part.start());
        Bound end = min(comparator, rt.end(), part.end());
        if (compare(comparator, start, end) < 0) {
          markers.add(new Bound[] {start, end});
        }
      }
    }
    int staticLive = 0;
    int staticTombstones = 0;
    if (p.staticRow() != null) {
      int t = row(p.staticRow(), partition, nowInSeconds);
      staticLive = t < 0 ? 1 : 0;
      staticTombstones = t < 0 ? -1 - t : t;
    }
    int tombstones = staticTombstones;
    List<Clustering> liveAt = new ArrayList<>();
    int[] tombstonesAt = new int[8];
    Clustering stoppedAt = null;
    List<RangeTombstone> rangeTombstones = p.rangeTombstones();
    if (slice.limit() > 0) {
      for (RowUpdate row : walk(p.rows(), slice, comparator)) {
        DeletionTime outer = partition;
        for (RangeTombstone rt : rangeTombstones) {
          if (comparator.contains(rt.start(), rt.end(), row.clustering())) {
            outer = DeletionTime.max(outer, rt.deletion());
          }
        }
        int t = row(row, outer, nowInSeconds);
        if (t >= 0) {
          tombstones += t;
          continue;
        }
        tombstones += -1 - t;
        if (liveAt.size() == tombstonesAt.length) {
          tombstonesAt = java.util.Arrays.copyOf(tombstonesAt, tombstonesAt.length * 2);
        }
        tombstonesAt[liveAt.size()] = tombstones;
        liveAt.add(row.clustering());
        if (liveAt.size() >= slice.limit()) {
          stoppedAt = row.clustering();
          break;
        }
      }
    }
    tombstones += stoppedAt == null ? 2 * markers.size() : markersBefore(comparator, markers, stoppedAt, slice.reversed());
    return new SliceCount(staticLive, staticTombstones, tombstones, liveAt, tombstonesAt, markers, slice.reversed(),
        comparator);
  }

  /**
   * The stored rows within the slice's bounds, in its walk order: found by bisection, as the rows
   * of a stored partition are in clustering order.
   */
  private static Iterable<RowUpdate> walk(List<RowUpdate> rows, RowSlice slice, ClusteringComparator comparator) {
    if (slice.parts() == null && slice.start().prefix().size() == 0 && slice.end().prefix().size() == 0) {
      return slice.reversed() ? reversed(rows) : rows;
    }
    int from = comparator.firstRowAfter(rows, slice.start());
    int to = comparator.firstRowAfter(rows, slice.end()); // exclusive: the rows before the end bound
    List<RowUpdate> in = from < to ? rows.subList(from, to) : List.of();
    if (slice.parts() != null) {
      List<RowUpdate> within = new ArrayList<>();
      for (RowUpdate row : in) {
        if (slice.includes(comparator, row.clustering())) {
          within.add(row);
        }
      }
      in = within;
    }
    return slice.reversed() ? reversed(in) : in;
  }

  private static List<RowUpdate> reversed(List<RowUpdate> rows) {
    List<RowUpdate> out = new ArrayList<>(rows);
    java.util.Collections.reverse(out);
    return out;
  }

  /** The range tombstone markers the walk passes before the row {@code at}. */
  private static int markersBefore(ClusteringComparator comparator, List<Bound[]> markers, Clustering at, boolean reversed) {
    int n = 0;
    for (Bound[] m : markers) {
      for (Bound b : m) {
        int c = comparator.compare(at, b);
        if (reversed ? c < 0 : c > 0) {
          n++;
        }
      }
    }
    return n;
  }

  /**
   * One row's count under the deletion {@code outer} that covers it: -1 when the row has live data
   * (a live row), else its tombstones (cells that are not live, or one for its own deletion).
   */
  private static int row(RowUpdate row, DeletionTime outer, long nowInSeconds) {
    int rowTombstones = 0;
    boolean liveData = false;
    boolean deletion = false;
    DeletionTime rowDeletion = row.deletion();
    if (!rowDeletion.isLive() && (outer.isLive() || rowDeletion.compareTo(outer) > 0)) {
      deletion = true;
    }
    DeletionTime effective = DeletionTime.max(outer, rowDeletion);
    LivenessInfo liveness = row.liveness();
    if (!liveness.isEmpty() && !effective.deletes(liveness.timestamp())) {
      liveData |= liveness.isLive(nowInSeconds);
      deletion |= !liveness.isLive(nowInSeconds);
    }
    for (Cell c : row.cells().values()) {
      if (effective.deletes(c.timestamp())) {
        continue;
      }
      if (c.isLive(nowInSeconds)) {
        liveData = true;
      } else {
        rowTombstones++;
      }
    }
    for (ComplexColumn column : row.complex().values()) {
      DeletionTime columnDeletion = DeletionTime.max(effective, column.deletion());
      if (!column.deletion().isLive() && column.deletion().compareTo(effective) > 0) {
        deletion = true;
      }
      for (Cell c : column.cells().values()) {
        if (columnDeletion.deletes(c.timestamp())) {
          continue;
        }
        if (c.isLive(nowInSeconds)) {
          liveData = true;
        } else {
          rowTombstones++;
        }
      }
    }
    if (liveData) {
      return rowTombstones == 0 ? -1 : -1 - rowTombstones;
    }
    return rowTombstones > 0 ? rowTombstones : deletion ? 1 : 0;
  }

  /** Orders two slice bounds: where each lies among the clusterings. */
  public static int compare(ClusteringComparator comparator, Bound a, Bound b) {
    int n = Math.min(a.prefix().size(), b.prefix().size());
    for (int i = 0; i < n; i++) {
      int c = comparator.compareComponent(i, a.prefix().get(i), b.prefix().get(i));
      if (c != 0) {
        return c;
      }
    }
    int sideA = a.prefix().size() == 0 ? (a.isStart() ? -1 : 1) : a.sortsBeforeItsPrefix() ? -1 : 1;
    int sideB = b.prefix().size() == 0 ? (b.isStart() ? -1 : 1) : b.sortsBeforeItsPrefix() ? -1 : 1;
    if (a.prefix().size() == b.prefix().size()) {
      return Integer.compare(sideA, sideB);
    }
    return a.prefix().size() < b.prefix().size() ? sideA : -sideB;
  }

  private static Bound max(ClusteringComparator comparator, Bound a, Bound b) {
    return compare(comparator, a, b) >= 0 ? a : b;
  }

  private static Bound min(ClusteringComparator comparator, Bound a, Bound b) {
    return compare(comparator, a, b) <= 0 ? a : b;
  }

  /**
   * What one slice read scanned, and what it would have scanned had it stopped after fewer live
   * rows (a reader that stops early, at a LIMIT or a page end, reads no further).
   */
  public static final class SliceCount {

    private final int staticLive;
    private final int staticTombstones;
    private final int tombstones;
    private final List<Clustering> liveAt;
    private final int[] tombstonesAt;
    private final List<Bound[]> markers;
    private final boolean reversed;
    private final ClusteringComparator comparator;

    SliceCount(int staticLive, int staticTombstones, int tombstones, List<Clustering> liveAt, int[] tombstonesAt,
        List<Bound[]> markers, boolean reversed, ClusteringComparator comparator) {
      this.staticLive = staticLive;
      this.staticTombstones = staticTombstones;
      this.tombstones = tombstones;
      this.liveAt = liveAt;
      this.tombstonesAt = tombstonesAt;
      this.markers = markers;
      this.reversed = reversed;
      this.comparator = comparator;
    }

    /** Live rows scanned, the static row included when it has live data. */
    public int liveRows() {
      return staticLive + liveAt.size();
    }

    public int tombstones() {
      return tombstones;
    }

    /** The clusterings of the live (non-static) rows scanned, in the walk's order. */
    public List<Clustering> liveClusterings() {
      return java.util.Collections.unmodifiableList(liveAt);
    }

    /**
     * The live rows the walk reads before it scans more than {@code tombstones} tombstones (a read
     * that gives up there, past the failure threshold, has read only those).
     */
    public int liveRowsWithin(int tombstones) {
      if (staticTombstones > tombstones) {
        return 0;
      }
      // the counts grow with the rows read: the last row read within the budget, by bisection
      int low = 0;
      int high = liveAt.size();
      while (low < high) {
        int mid = (low + high + 1) >>> 1;
        if (upTo(mid).tombstones() <= tombstones) {
          low = mid;
        } else {
          high = mid - 1;
        }
      }
      return staticLive + low;
    }

    /** The counts had the read stopped right after its {@code rows}-th live (non-static) row. */
    public Counts upTo(int rows) {
      if (rows > liveAt.size() || liveAt.isEmpty()) {
        return new Counts(liveRows(), tombstones);
      }
      if (rows <= 0) {
        return new Counts(staticLive, staticTombstones);
      }
      Clustering at = liveAt.get(rows - 1);
      return new Counts(staticLive + rows, tombstonesAt[rows - 1] + markersBefore(comparator, markers, at, reversed));
    }
  }

  /** Live rows and tombstones scanned. */
  public record Counts(int liveRows, int tombstones) {

    public static final Counts NONE = new Counts(0, 0);

    public Counts plus(Counts other) {
      return new Counts(liveRows + other.liveRows, tombstones + other.tombstones);
    }
  }
}
