package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.exec.select.RowFilter;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TombstoneCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a read command with a row filter scans of one stored partition on a replica, as 5.0's
 * replica reads it: its metrics count every row the read walks (matching or not), the filter then
 * drops the rows that do not match, and the command's limit stops the walk right after the row that
 * fills it, so the count ends there. A command an index serves reads only the rows the index finds
 * (its hits), as a read of those named rows: 5.0's index searchers read the base table's rows of
 * their hits only, so neither the other rows nor the index's own tombstones are counted, and a
 * partition without hits is not read at all.
 */
final class FilteredScan {

  /** The counts up to where the command stopped, and how many of the rows it walked matched. */
  record Result(TombstoneCount.Counts counts, int matched) {}

  /**
   * What an index-served command reads of a partition: its hits as named rows, and for each live
   * row of the slice's walk, how many hits the walk has met up to it (inclusive).
   */
  record Indexed(TombstoneCount.SliceCount count, int[] hitsUpTo) {}

  private FilteredScan() {}

  /**
   * Walks {@code slice} of {@code raw} (or only the named rows), counting, until {@code slice}'s
   * limit of rows passing {@code filter} is met.
   */
  static Result count(RowFilter.Rows filter, PartitionUpdate raw, RowSlice slice, List<Clustering> names,
      ClusteringComparator comparator, long nowInSeconds) {
    TombstoneCount.SliceCount all = ScanCounter.count(raw, slice.withLimit(Integer.MAX_VALUE), names, comparator,
        nowInSeconds);
    List<Clustering> walked = all.liveClusterings();
    if (walked.isEmpty()) {
      return filter.indexed() ? new Result(TombstoneCount.Counts.NONE, 0)
          : new Result(new TombstoneCount.Counts(all.liveRows(), all.tombstones()), 0);
    }
    Rows rows = rows(raw, slice, comparator, nowInSeconds);
    TombstoneCount.SliceCount read = all;
    if (filter.indexed()) {
      Indexed hits = hits(filter, raw, slice, rows, walked, comparator, nowInSeconds);
      if (hits == null) {
        return new Result(TombstoneCount.Counts.NONE, 0);
      }
      read = hits.count();
      walked = read.liveClusterings();
    }
    int matched = 0;
    for (int i = 0; i < walked.size(); i++) {
      LiveRow row = rows.byClustering().get(walked.get(i));
      if (row != null && filter.test(rows.partition(), row, nowInSeconds)) {
        matched++;
        if (matched >= slice.limit()) {
          return new Result(read.upTo(i + 1), matched);
        }
      }
    }
    return new Result(new TombstoneCount.Counts(read.liveRows(), read.tombstones()), matched);
  }

  /**
   * What an index-served command ({@link RowFilter.Rows#indexed()}) reads of {@code slice} of
   * {@code raw} (or of only the named rows), whole: null when the index finds no row there.
   */
  static Indexed indexed(RowFilter.Rows filter, PartitionUpdate raw, RowSlice slice, List<Clustering> names,
      ClusteringComparator comparator, long nowInSeconds) {
    List<Clustering> walked = ScanCounter.count(raw, slice.withLimit(Integer.MAX_VALUE), names, comparator, nowInSeconds)
        .liveClusterings();
    return walked.isEmpty() ? null
        : hits(filter, raw, slice, rows(raw, slice, comparator, nowInSeconds), walked, comparator, nowInSeconds);
  }

  private static Indexed hits(RowFilter.Rows filter, PartitionUpdate raw, RowSlice slice, Rows rows,
      List<Clustering> walked, ClusteringComparator comparator, long nowInSeconds) {
    List<Clustering> hits = new ArrayList<>();
    int[] hitsUpTo = new int[walked.size()];
    for (int i = 0; i < walked.size(); i++) {
      LiveRow row = rows.byClustering().get(walked.get(i));
      if (row != null && filter.hit(rows.partition(), row, nowInSeconds)) {
        hits.add(walked.get(i));
      }
      hitsUpTo[i] = hits.size();
    }
    if (hits.isEmpty()) {
      return null;
    }
    hits.sort(comparator);
    return new Indexed(TombstoneCount.ofNames(raw, hits, slice.withLimit(Integer.MAX_VALUE), comparator, nowInSeconds),
        hitsUpTo);
  }

  /** The partition's live rows within the slice's bounds, by clustering. */
  private record Rows(LivePartition partition, Map<Clustering, LiveRow> byClustering) {}

  private static Rows rows(PartitionUpdate raw, RowSlice slice, ClusteringComparator comparator, long nowInSeconds) {
    LivePartition partition = PartitionMerge.resolve(comparator, raw.key(), List.of(raw),
        RowSlice.between(slice.start(), slice.end(), false), nowInSeconds);
    Map<Clustering, LiveRow> rows = new TreeMap<>(comparator);
    for (LiveRow r : partition.rows()) {
      rows.put(r.clustering(), r);
    }
    return new Rows(partition, rows);
  }
}
