package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The in-memory store resolves every kind of tombstone and TTL at read time. */
class MemoryTableStoreTest {

  private static final DecoratedKey KEY = new DecoratedKey(42, NativeType.INT.encode(1));
  private final MemoryTableStore store =
      new MemoryTableStore(new ClusteringComparator(List.of(NativeType.INT), List.of(false)));

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  private static ByteBuffer text(String s) {
    return NativeType.TEXT.encode(s);
  }

  private void insert(int clustering, String value, long ts) {
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(c(clustering), LivenessInfo.of(ts, 0, 0), DeletionTime.LIVE, Map.of("v", Cell.live(text(value), ts))))));
  }

  private List<Integer> liveClusterings(long now) {
    return store.read(KEY, now).rows().stream().map(r -> (Integer) NativeType.INT.decode(r.clustering().get(0))).toList();
  }

  @Test
  void should_hide_rows_under_a_range_tombstone_but_not_rows_written_after_it() {
    for (int i = 1; i <= 5; i++) {
      insert(i, "v" + i, 10);
    }
    ClusteringComparator.Bound start = new ClusteringComparator.Bound(c(2), true, true);
    ClusteringComparator.Bound end = new ClusteringComparator.Bound(c(4), false, false);
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(new RangeTombstone(start, end, new DeletionTime(20, 0))), null, List.of()));
    assertThat(liveClusterings(0)).containsExactly(1, 4, 5);
    insert(3, "again", 21);
    assertThat(liveClusterings(0)).containsExactly(1, 3, 4, 5);
  }

  @Test
  void should_keep_a_row_alive_by_its_marker_when_its_cells_are_deleted() {
    insert(1, "x", 10);
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(c(1), LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("v", Cell.tombstone(11, 0))))));
    LivePartition p = store.read(KEY, 0);
    assertThat(p.rows()).hasSize(1);
    assertThat(p.rows().get(0).cell("v")).isNull();
  }

  @Test
  void should_delete_everything_older_than_a_partition_deletion() {
    insert(1, "x", 10);
    insert(2, "y", 30);
    store.apply(new PartitionUpdate(KEY, new DeletionTime(20, 0), List.of(), null, List.of()));
    assertThat(liveClusterings(0)).containsExactly(2);
  }

  @Test
  void should_expire_ttl_cells_and_markers_at_their_expiry_second() {
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(c(1),
        LivenessInfo.of(10, 60, 1000), DeletionTime.LIVE, Map.of("v", Cell.expiring(text("x"), 10, 60, 1000))))));
    assertThat(liveClusterings(1059)).containsExactly(1);
    assertThat(store.read(KEY, 1059).rows().get(0).cell("v").remainingTtl(1059)).isEqualTo(1);
    assertThat(liveClusterings(1060)).isEmpty();
  }

  @Test
  void should_forget_a_dropped_column_written_before_the_drop() {
    insert(1, "old", 10);
    store.dropColumn("v", 15);
    assertThat(store.read(KEY, 0).rows().get(0).cell("v")).isNull();
    insert(1, "new", 16);
    assertThat(store.read(KEY, 0).rows().get(0).cell("v").value()).isEqualTo(text("new"));
  }

  @Test
  void should_recreate_the_partition_with_its_tombstones_from_a_raw_read() {
    for (int i = 1; i <= 3; i++) {
      insert(i, "v" + i, 10);
    }
    ClusteringComparator.Bound start = new ClusteringComparator.Bound(c(2), true, true);
    ClusteringComparator.Bound end = new ClusteringComparator.Bound(c(2), true, false);
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(new RangeTombstone(start, end, new DeletionTime(20, 0))), null, List.of()));
    MemoryTableStore copy = new MemoryTableStore(new ClusteringComparator(List.of(NativeType.INT), List.of(false)));
    copy.apply(store.readRaw(KEY));
    // the tombstone came along: an older write to the deleted row stays hidden in the copy too
    copy.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(c(2), LivenessInfo.of(15, 0, 0), DeletionTime.LIVE, Map.of("v", Cell.live(text("late"), 15))))));
    assertThat(copy.read(KEY, 0)).isEqualTo(store.read(KEY, 0));
    assertThat(copy.read(KEY, 0).rows()).hasSize(2);
    assertThat(store.readRaw(new DecoratedKey(7, NativeType.INT.encode(2)))).isNull();
    assertThat(store.scanRaw(null, true)).toIterable().hasSize(1);
  }
}
