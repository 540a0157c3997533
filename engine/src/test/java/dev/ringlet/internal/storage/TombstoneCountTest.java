package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a read counts towards the tombstone thresholds, case by case as Cassandra 5.0's read path counts. */
class TombstoneCountTest {

  private static final long NOW = 1_000;
  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final DecoratedKey KEY = new DecoratedKey(1, ByteBuffer.wrap(new byte[] {0, 0, 0, 1}));

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  private static ByteBuffer path(int i) {
    return NativeType.INT.encode(i);
  }

  private static RowUpdate row(int c, LivenessInfo liveness, DeletionTime deletion, Map<String, Cell> cells,
      Map<String, ComplexColumn> complex) {
    return new RowUpdate(c(c), liveness, deletion, cells, complex);
  }

  private static PartitionUpdate partition(DeletionTime deletion, List<RangeTombstone> ranges, List<RowUpdate> rows) {
    return new PartitionUpdate(KEY, deletion, ranges, null, rows);
  }

  private static TombstoneCount.Counts count(PartitionUpdate p) {
    return TombstoneCount.of(p, CMP, NOW);
  }

  @Test
  void should_count_each_element_tombstone_of_a_collection_and_no_live_row() {
    ComplexColumn removed = new ComplexColumn(DeletionTime.LIVE,
        Map.of(path(1), Cell.tombstone(10, NOW), path(2), Cell.tombstone(10, NOW), path(3), Cell.tombstone(10, NOW)));
    PartitionUpdate p = partition(DeletionTime.LIVE, List.of(),
        List.of(row(1, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("s", removed))));
    assertThat(count(p)).isEqualTo(new TombstoneCount.Counts(0, 3));
  }

  @Test
  void should_count_a_row_tombstone_once_and_a_live_row_as_live() {
    PartitionUpdate p = partition(DeletionTime.LIVE, List.of(), List.of(
        row(1, LivenessInfo.EMPTY, new DeletionTime(10, NOW), Map.of(), Map.of()),
        row(2, LivenessInfo.of(20, 0, NOW), DeletionTime.LIVE, Map.of("v", Cell.live(NativeType.INT.encode(1), 20)), Map.of()),
        row(3, LivenessInfo.of(20, 0, NOW), DeletionTime.LIVE, Map.of("v", Cell.tombstone(20, NOW)), Map.of())));
    // row 3 is live (its marker) and has one tombstone cell
    assertThat(count(p)).isEqualTo(new TombstoneCount.Counts(2, 2));
  }

  @Test
  void should_count_two_markers_per_range_tombstone_and_expired_cells_as_tombstones() {
    RangeTombstone rt = new RangeTombstone(new ClusteringComparator.Bound(c(5), true, false),
        new ClusteringComparator.Bound(c(9), false, false), new DeletionTime(10, NOW));
    Cell expired = Cell.expiring(NativeType.INT.encode(1), 20, 10, NOW - 20);
    PartitionUpdate p = partition(DeletionTime.LIVE, List.of(rt),
        List.of(row(20, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("v", expired), Map.of())));
    assertThat(count(p)).isEqualTo(new TombstoneCount.Counts(0, 3));
  }

  @Test
  void should_count_only_the_rows_of_several_slices_and_the_range_tombstone_markers_each_meets() {
    // a range tombstone over (4, 12) meets both slices [2, 5] and [10, 20]: two markers in each
    RangeTombstone rt = new RangeTombstone(new ClusteringComparator.Bound(c(4), true, false),
        new ClusteringComparator.Bound(c(12), false, false), new DeletionTime(10, NOW));
    ComplexColumn removed = new ComplexColumn(DeletionTime.LIVE, Map.of(path(1), Cell.tombstone(20, NOW)));
    PartitionUpdate p = partition(DeletionTime.LIVE, List.of(rt), List.of(
        row(1, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("s", removed)),
        row(3, LivenessInfo.of(20, 0, NOW), DeletionTime.LIVE, Map.of(), Map.of("s", removed)),
        row(7, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("s", removed)),
        row(15, LivenessInfo.of(20, 0, NOW), DeletionTime.LIVE, Map.of(), Map.of())));
    RowSlice slices = RowSlice.of(List.of(
        new RowSlice.Part(new ClusteringComparator.Bound(c(2), true, true), new ClusteringComparator.Bound(c(5), false, true)),
        new RowSlice.Part(new ClusteringComparator.Bound(c(10), true, true), new ClusteringComparator.Bound(c(20), false, true))),
        false);

    TombstoneCount.SliceCount read = TombstoneCount.of(p, slices, CMP, NOW);

    // rows 3 (live, one tombstone cell) and 15 (live); rows 1 and 7 lie outside the slices
    assertThat(new TombstoneCount.Counts(read.liveRows(), read.tombstones())).isEqualTo(new TombstoneCount.Counts(2, 5));
    // stopping after the first live row: row 3's cell and the markers the walk passed before it (none)
    assertThat(read.upTo(1)).isEqualTo(new TombstoneCount.Counts(1, 1));
  }

  @Test
  void should_not_count_what_a_newer_partition_deletion_shadows() {
    ComplexColumn removed = new ComplexColumn(DeletionTime.LIVE, Map.of(path(1), Cell.tombstone(10, NOW)));
    RangeTombstone rt = new RangeTombstone(new ClusteringComparator.Bound(c(5), true, false),
        new ClusteringComparator.Bound(c(9), false, false), new DeletionTime(10, NOW));
    PartitionUpdate p = partition(new DeletionTime(50, NOW), List.of(rt), List.of(
        row(1, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("s", removed)),
        row(2, LivenessInfo.EMPTY, new DeletionTime(10, NOW), Map.of(), Map.of())));
    assertThat(count(p)).isEqualTo(TombstoneCount.Counts.NONE);
  }

  @Test
  void should_not_count_cells_a_range_tombstone_shadows() {
    RangeTombstone rt = new RangeTombstone(new ClusteringComparator.Bound(c(0), true, true),
        new ClusteringComparator.Bound(c(9), false, true), new DeletionTime(30, NOW));
    PartitionUpdate p = partition(DeletionTime.LIVE, List.of(rt), List.of(
        row(1, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("v", Cell.tombstone(10, NOW)), Map.of())));
    assertThat(count(p)).isEqualTo(new TombstoneCount.Counts(0, 2));
  }

  // ---------------------------------------------------------------- slices

  private static RowUpdate tombstoneCells(int c, int n) {
    java.util.Map<ByteBuffer, Cell> cells = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      cells.put(path(i), Cell.tombstone(10, NOW));
    }
    return row(c, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("s", new ComplexColumn(DeletionTime.LIVE, cells)));
  }

  private static RowUpdate live(int c) {
    return row(c, LivenessInfo.of(20, 0, NOW), DeletionTime.LIVE, Map.of(), Map.of());
  }

  private static ClusteringComparator.Bound from(int c, boolean inclusive) {
    return new ClusteringComparator.Bound(c(c), true, inclusive);
  }

  private static ClusteringComparator.Bound to(int c, boolean inclusive) {
    return new ClusteringComparator.Bound(c(c), false, inclusive);
  }

  /** Rows 1 (live), 2 (3 tombstone cells), 3 (live), 4 (5 tombstone cells), 5 (live); a range tombstone (10, 20). */
  private static PartitionUpdate wide() {
    RangeTombstone rt = new RangeTombstone(from(10, false), to(20, false), new DeletionTime(5, NOW));
    return partition(DeletionTime.LIVE, List.of(rt), List.of(live(1), tombstoneCells(2, 3), live(3), tombstoneCells(4, 5), live(5)));
  }

  @Test
  void should_count_only_the_rows_and_markers_of_the_slice() {
    TombstoneCount.SliceCount s = TombstoneCount.of(wide(), RowSlice.between(from(2, true), to(4, true), false), CMP, NOW);
    assertThat(List.of(s.liveRows(), s.tombstones())).containsExactly(1, 8);
    TombstoneCount.SliceCount withMarkers = TombstoneCount.of(wide(), RowSlice.between(from(4, true), to(15, true), false), CMP, NOW);
    assertThat(List.of(withMarkers.liveRows(), withMarkers.tombstones())).containsExactly(1, 7);
    TombstoneCount.SliceCount pastTheRange = TombstoneCount.of(wide(), RowSlice.between(from(20, true), ClusteringComparator.Bound.TOP, false), CMP, NOW);
    assertThat(pastTheRange.tombstones()).isZero();
  }

  @Test
  void should_stop_counting_right_after_the_live_row_that_fills_the_limit_in_walk_order() {
    TombstoneCount.SliceCount forward = TombstoneCount.of(wide(), RowSlice.ALL.withLimit(2), CMP, NOW);
    assertThat(List.of(forward.liveRows(), forward.tombstones())).containsExactly(2, 3);
    TombstoneCount.SliceCount reversed = TombstoneCount.of(wide(), RowSlice.ALL.reversedWalk().withLimit(1), CMP, NOW);
    // walking back from the top: the range tombstone's two markers, then row 5
    assertThat(List.of(reversed.liveRows(), reversed.tombstones())).containsExactly(1, 2);
  }

  @Test
  void should_say_what_a_read_stopped_early_would_have_counted() {
    TombstoneCount.SliceCount all = TombstoneCount.of(wide(), RowSlice.ALL, CMP, NOW);
    assertThat(List.of(all.liveRows(), all.tombstones())).containsExactly(3, 10);
    assertThat(all.upTo(1)).isEqualTo(new TombstoneCount.Counts(1, 0));
    assertThat(all.upTo(2)).isEqualTo(new TombstoneCount.Counts(2, 3));
    assertThat(all.upTo(3)).isEqualTo(new TombstoneCount.Counts(3, 8));
    assertThat(all.upTo(4)).isEqualTo(new TombstoneCount.Counts(3, 10));
  }

  @Test
  void should_count_only_the_named_rows_of_a_names_read() {
    TombstoneCount.SliceCount s = TombstoneCount.ofNames(wide(), List.of(c(2), c(5)), RowSlice.ALL, CMP, NOW);
    assertThat(List.of(s.liveRows(), s.tombstones())).containsExactly(1, 3);
  }

  @Test
  void should_count_cells_expired_by_their_ttl_once_the_clock_passes_them() {
    RowUpdate expiring = row(1, LivenessInfo.EMPTY, DeletionTime.LIVE,
        Map.of("v", Cell.expiring(NativeType.INT.encode(1), 10, 60, NOW)), Map.of());
    PartitionUpdate p = partition(DeletionTime.LIVE, List.of(), List.of(expiring));
    assertThat(TombstoneCount.of(p, CMP, NOW)).isEqualTo(new TombstoneCount.Counts(1, 0));
    assertThat(TombstoneCount.of(p, CMP, NOW + 60)).isEqualTo(new TombstoneCount.Counts(0, 1));
  }
}
