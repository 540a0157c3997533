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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a read command with a row filter scans of one stored partition on a replica, as 5.0's
 * replica reads it: its metrics count every row the read walks (matching or not), the filter then
 * drops the rows that do not match, and the command's limit stops the walk right after the row that
 * fills it, so the count ends there.
 */
final class FilteredScan {

  /** The counts up to where the command stopped, and how many of the rows it walked matched. */
  record Result(TombstoneCount.Counts counts, int matched) {}

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
      return new Result(new TombstoneCount.Counts(all.liveRows(), all.tombstones()), 0);
    }
    LivePartition partition = PartitionMerge.resolve(comparator, raw.key(), List.of(raw),
        RowSlice.between(slice.start(), slice.end(), false), nowInSeconds);
    Map<Clustering, LiveRow> rows = new TreeMap<>(comparator);
    for (LiveRow r : partition.rows()) {
      rows.put(r.clustering(), r);
    }
    int matched = 0;
    for (int i = 0; i < walked.size(); i++) {
      LiveRow row = rows.get(walked.get(i));
      if (row != null && filter.test(partition, row, nowInSeconds)) {
        matched++;
        if (matched >= slice.limit()) {
          return new Result(all.upTo(i + 1), matched);
        }
      }
    }
    return new Result(new TombstoneCount.Counts(all.liveRows(), all.tombstones()), matched);
  }
}
