package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Complex (per-element) columns: element cells reconcile one path at a time under a column deletion. */
class ComplexColumnStoreTest {

  private static final DecoratedKey KEY = new DecoratedKey(7, NativeType.INT.encode(1));
  private static final Clustering ROW = new Clustering(List.of(NativeType.INT.encode(1)));
  private final MemoryTableStore store =
      new MemoryTableStore(new ClusteringComparator(List.of(NativeType.INT), List.of(false)));

  private static ByteBuffer path(String s) {
    return NativeType.TEXT.encode(s);
  }

  private static ByteBuffer value(int i) {
    return NativeType.INT.encode(i);
  }

  private void write(ComplexColumn column) {
    RowUpdate row = new RowUpdate(ROW, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("m", column));
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(row)));
  }

  private Map<ByteBuffer, Cell> elements(long now) {
    List<LiveRow> rows = store.read(KEY, now).rows();
    return rows.isEmpty() ? Map.of() : rows.get(0).elements("m");
  }

  @Test
  void should_merge_elements_written_separately() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("a"), Cell.live(value(1), 10))));
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("b"), Cell.live(value(2), 11))));

    assertThat(elements(0)).containsOnlyKeys(path("a"), path("b"));
  }

  @Test
  void should_replace_older_elements_when_overwritten_with_a_deletion_at_timestamp_minus_one() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("a"), Cell.live(value(1), 10), path("b"), Cell.live(value(2), 10))));

    write(new ComplexColumn(new DeletionTime(19, 0), Map.of(path("c"), Cell.live(value(3), 20))));

    assertThat(elements(0)).containsOnlyKeys(path("c"));
  }

  @Test
  void should_keep_elements_written_after_the_column_deletion() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("late"), Cell.live(value(1), 30))));

    write(new ComplexColumn(new DeletionTime(20, 0), Map.of()));

    assertThat(elements(0)).containsOnlyKeys(path("late"));
  }

  @Test
  void should_remove_one_element_with_an_element_tombstone_and_reconcile_per_path() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("a"), Cell.live(value(1), 10), path("b"), Cell.live(value(2), 10))));

    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("a"), Cell.tombstone(11, 0), path("b"), Cell.tombstone(9, 0))));

    assertThat(elements(0)).containsOnlyKeys(path("b"));
  }

  @Test
  void should_expire_elements_one_by_one_and_drop_the_row_when_none_is_left() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(
        path("short"), Cell.expiring(value(1), 10, 5, 100),
        path("long"), Cell.expiring(value(2), 10, 50, 100))));

    assertThat(elements(104)).containsOnlyKeys(path("short"), path("long"));
    assertThat(elements(105)).containsOnlyKeys(path("long"));
    assertThat(store.read(KEY, 150).rows()).isEmpty();
  }

  @Test
  void should_hide_elements_under_a_row_deletion() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("a"), Cell.live(value(1), 10))));

    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(ROW, LivenessInfo.EMPTY, new DeletionTime(10, 0), Map.of()))));

    assertThat(store.read(KEY, 0).rows()).isEmpty();
  }

  @Test
  void should_forget_elements_of_a_dropped_column_written_before_the_drop() {
    write(new ComplexColumn(DeletionTime.LIVE, Map.of(path("old"), Cell.live(value(1), 10), path("new"), Cell.live(value(2), 30))));

    store.dropColumn("m", 20);

    assertThat(elements(0)).containsOnlyKeys(path("new"));
  }

  @Test
  void should_merge_complex_columns_of_one_batch_per_partition() {
    RowUpdate first = new RowUpdate(ROW, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(),
        Map.of("m", new ComplexColumn(DeletionTime.LIVE, Map.of(path("a"), Cell.live(value(1), 10)))));
    RowUpdate second = new RowUpdate(ROW, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(),
        Map.of("m", new ComplexColumn(DeletionTime.LIVE, Map.of(path("b"), Cell.live(value(2), 10)))));
    List<PartitionUpdate> merged = PartitionUpdates.mergeByPartition(List.of(
        new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(first)),
        new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(second))));

    merged.forEach(store::apply);

    assertThat(elements(0)).containsOnlyKeys(path("a"), path("b"));
  }
}
