package dev.ringlet.internal.exec.view;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.schema.ViewMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.types.NativeType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The view mutations one base write implies: key moves, same-key updates, deletions, TTLs. */
class ViewUpdatesTest {

  private static final long NOW = 1_000;
  private static final UUID BASE_ID = UUID.randomUUID();

  // base: k int PRIMARY KEY, v int, w text; view: PRIMARY KEY (v, k)
  private static final TableMetadata BASE = new TableMetadata("ks", "t", BASE_ID,
      List.of(new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false)), List.of(),
      List.of(new ColumnMetadata("v", NativeType.INT, ColumnMetadata.Kind.REGULAR, -1, false),
          new ColumnMetadata("w", NativeType.TEXT, ColumnMetadata.Kind.REGULAR, -1, false)),
      TableParams.defaults(), false, false);
  private static final TableMetadata VIEW = new TableMetadata("ks", "v", UUID.randomUUID(),
      List.of(new ColumnMetadata("v", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false)),
      List.of(new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.CLUSTERING, 0, false)),
      List.of(new ColumnMetadata("w", NativeType.TEXT, ColumnMetadata.Kind.REGULAR, -1, false)),
      TableParams.defaults(), false, false, Map.of(), Map.of(),
      new ViewMetadata(BASE_ID, "t", true, "v IS NOT NULL AND k IS NOT NULL", List.of()));

  private static PartitionUpdate base(int k, RowUpdate row) {
    return new PartitionUpdate(PartitionKeys.decorate(BASE, List.of(NativeType.INT.encode(k))), DeletionTime.LIVE, List.of(),
        null, List.of(row));
  }

  private static RowUpdate insert(long ts, Integer v, String w) {
    Map<String, Cell> cells = new java.util.HashMap<>();
    if (v != null) cells.put("v", Cell.live(NativeType.INT.encode(v), ts));
    if (w != null) cells.put("w", Cell.live(NativeType.TEXT.encode(w), ts));
    return new RowUpdate(Clustering.EMPTY, LivenessInfo.of(ts, 0, NOW), DeletionTime.LIVE, cells);
  }

  private static int viewKey(PartitionUpdate u) {
    return (Integer) NativeType.INT.decode(u.key().key());
  }

  @Test
  void should_insert_the_whole_row_when_a_base_row_appears() {
    List<PartitionUpdate> out = new ViewUpdates(BASE, VIEW).compute(null, base(1, insert(10, 5, "a")), NOW);
    assertThat(out).hasSize(1);
    assertThat(viewKey(out.get(0))).isEqualTo(5);
    RowUpdate row = out.get(0).rows().get(0);
    assertThat(row.liveness().timestamp()).isEqualTo(10);
    assertThat(row.cells().get("w").timestamp()).isEqualTo(10);
    assertThat(row.deletion().isLive()).isTrue();
  }

  @Test
  void should_delete_the_old_view_row_and_insert_the_new_one_when_the_key_column_changes() {
    PartitionUpdate existing = base(1, insert(10, 5, "a"));
    RowUpdate set = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
        Map.of("v", Cell.live(NativeType.INT.encode(6), 20)));
    List<PartitionUpdate> out = new ViewUpdates(BASE, VIEW).compute(existing, base(1, set), NOW);
    assertThat(out).extracting(ViewUpdatesTest::viewKey).containsExactly(5, 6);
    assertThat(out.get(0).rows().get(0).deletion().isLive()).isTrue();
    assertThat(out.get(0).rows().get(0).shadowableDeletion().markedForDeleteAt()).isEqualTo(20);
    RowUpdate moved = out.get(1).rows().get(0);
    assertThat(moved.liveness().timestamp()).isEqualTo(20);
    assertThat(moved.cells().get("w").value()).isEqualTo(NativeType.TEXT.encode("a"));
    // copied with its base write time: a shadowable deletion a previous move left on this key
    // is overridden by the newer liveness
    assertThat(moved.cells().get("w").timestamp()).isEqualTo(10);
  }

  @Test
  void should_pass_on_only_the_update_when_the_key_does_not_change() {
    PartitionUpdate existing = base(1, insert(10, 5, "a"));
    RowUpdate set = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
        Map.of("w", Cell.tombstone(30, NOW)));
    List<PartitionUpdate> out = new ViewUpdates(BASE, VIEW).compute(existing, base(1, set), NOW);
    assertThat(out).hasSize(1);
    RowUpdate row = out.get(0).rows().get(0);
    assertThat(row.cells().get("w").isTombstone()).isTrue();
    assertThat(row.cells().get("w").timestamp()).isEqualTo(30);
  }

  @Test
  void should_ignore_an_older_write_that_changes_nothing_and_delete_on_a_base_row_deletion() {
    PartitionUpdate existing = base(1, insert(10, 5, "a"));
    RowUpdate older = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
        Map.of("v", Cell.live(NativeType.INT.encode(7), 5)));
    List<PartitionUpdate> out = new ViewUpdates(BASE, VIEW).compute(existing, base(1, older), NOW);
    assertThat(out).extracting(ViewUpdatesTest::viewKey).containsExactly(5);

    RowUpdate delete = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, new DeletionTime(40, NOW), Map.of());
    out = new ViewUpdates(BASE, VIEW).compute(existing, base(1, delete), NOW);
    assertThat(out).hasSize(1);
    assertThat(out.get(0).rows().get(0).deletion().markedForDeleteAt()).isEqualTo(40);
  }

  @Test
  void should_let_the_view_row_expire_with_the_key_column_cell() {
    RowUpdate ttl = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
        Map.of("v", Cell.expiring(NativeType.INT.encode(5), 10, 60, NOW)));
    RowUpdate row = new ViewUpdates(BASE, VIEW).compute(null, base(1, ttl), NOW).get(0).rows().get(0);
    assertThat(row.liveness().ttl()).isEqualTo(60);
    assertThat(row.liveness().expiresAt()).isEqualTo(NOW + 60);
  }
}
