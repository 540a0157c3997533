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
}
