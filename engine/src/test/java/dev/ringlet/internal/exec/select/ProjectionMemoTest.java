package dev.ringlet.internal.exec.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.wire.EncodedRow;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A statement's projected rows are kept by row object and used again only under the same partition key. */
class ProjectionMemoTest {

  private final AtomicInteger projected = new AtomicInteger();
  /** key, clustering and one regular cell "v", counting each projection of a row */
  private final List<Output> outputs = List.of(
      new Output.PerRow(r -> {
        projected.incrementAndGet();
        return r.keyComponents().get(0);
      }),
      new Output.PerRow(r -> r.row().clustering().get(0)),
      new Output.PerRow(r -> r.row().cell("v") == null ? null : r.row().cell("v").value()));

  @Test
  void should_project_a_row_seen_before_only_once_and_answer_the_same_values() {
    ProjectionMemo memo = new ProjectionMemo();
    LiveRow a = row("a", "1");
    LiveRow b = row("b", null);
    LivePartition p = partition("ks", a, b);

    List<List<ByteBuffer>> first = memo.project(page(p), outputs);
    List<List<ByteBuffer>> second = memo.project(page(p), outputs);

    assertThat(projected).hasValue(2);
    assertThat(second).isEqualTo(first);
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(second.get(1)).containsExactly(text("ks"), text("b"), null);
    // kept as the server writes it: [int] length and bytes per value, -1 for null
    assertThat(second.get(1)).isInstanceOf(EncodedRow.class);
    ByteBuffer cells = ((EncodedRow) second.get(1)).cells();
    assertThat(cells.getInt()).isEqualTo(2);
    assertThat(cells.get()).isEqualTo((byte) 'k');
    assertThat(cells.get()).isEqualTo((byte) 's');
    assertThat(cells.getInt()).isEqualTo(1);
    assertThat(cells.get()).isEqualTo((byte) 'b');
    assertThat(cells.getInt()).isEqualTo(-1);
    assertThat(cells.hasRemaining()).isFalse();
  }

  @Test
  void should_project_again_a_new_row_object_and_a_row_under_another_partition_key() {
    ProjectionMemo memo = new ProjectionMemo();
    LiveRow a = row("a", "1");
    memo.project(page(partition("ks", a)), outputs);

    // a changed row is a new object, even with equal values
    List<List<ByteBuffer>> changed = memo.project(page(partition("ks", row("a", "2"))), outputs);
    List<List<ByteBuffer>> moved = memo.project(page(partition("other", a)), outputs);

    assertThat(projected).hasValue(3);
    assertThat(changed.get(0)).containsExactly(text("ks"), text("a"), text("2"));
    assertThat(moved.get(0)).containsExactly(text("other"), text("a"), text("1"));
  }

  @Test
  void should_start_again_empty_once_it_holds_more_than_its_capacity() {
    ProjectionMemo memo = new ProjectionMemo();
    List<LiveRow> rows = new ArrayList<>();
    for (int i = 0; i <= ProjectionMemo.CAPACITY; i++) {
      rows.add(row("r" + i, null));
    }
    memo.project(page(partition("ks", rows.toArray(LiveRow[]::new))), outputs);
    assertThat(memo.size()).isEqualTo(ProjectionMemo.CAPACITY + 1);

    memo.project(page(partition("ks", rows.get(0))), outputs);

    assertThat(memo.size()).isEqualTo(1);
    assertThat(projected).hasValue(ProjectionMemo.CAPACITY + 2);
  }

  private static List<RowAccess> page(LivePartition p) {
    List<RowAccess> page = new ArrayList<>();
    for (LiveRow r : p.rows()) {
      page.add(new RowAccess(p, List.of(p.key().key()), r, 0));
    }
    return page;
  }

  private static LivePartition partition(String key, LiveRow... rows) {
    return new LivePartition(new DecoratedKey(key.hashCode(), text(key)), LiveRow.EMPTY_STATIC, List.of(rows));
  }

  private static LiveRow row(String clustering, String v) {
    return new LiveRow(new Clustering(List.of(text(clustering))), new LivenessInfo(0, 0, Long.MAX_VALUE),
        v == null ? Map.of() : Map.of("v", Cell.live(text(v), 0)));
  }

  private static ByteBuffer text(String s) {
    return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
