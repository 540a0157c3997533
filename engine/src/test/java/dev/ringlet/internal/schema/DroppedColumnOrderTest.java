package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.types.NativeType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dropped-column orders recorded from Cassandra 5.0.9 in the describe_internals scenario. */
class DroppedColumnOrderTest {

  private static DroppedColumn dropped(String name, long at) {
    return new DroppedColumn(name, NativeType.INT, false, at);
  }

  @Test
  void should_list_three_columns_dropped_one_by_one_in_a_four_bucket_map_order() {
    Map<String, DroppedColumn> m = DroppedColumnOrder.rebuilt(Map.of(), List.of(dropped("a", 1)));
    m = DroppedColumnOrder.rebuilt(m, List.of(dropped("l", 2)));
    m = DroppedColumnOrder.rebuilt(m, List.of(dropped("f", 3)));

    assertThat(m.keySet()).containsExactly("a", "f", "l");
  }

  @Test
  void should_reorder_them_when_a_later_rebuild_copies_them_into_a_larger_map() {
    Map<String, DroppedColumn> m = DroppedColumnOrder.rebuilt(Map.of(), List.of(dropped("a", 1)));
    m = DroppedColumnOrder.rebuilt(m, List.of(dropped("l", 2)));
    m = DroppedColumnOrder.rebuilt(m, List.of(dropped("f", 3)));

    m = DroppedColumnOrder.rebuilt(m, List.of()); // e.g. ALTER TABLE ADD a

    assertThat(m.keySet()).containsExactly("a", "l", "f");
  }

  @Test
  void should_list_s_then_m_as_m_then_s() {
    Map<String, DroppedColumn> m = DroppedColumnOrder.rebuilt(Map.of(), List.of(dropped("s", 4)));
    m = DroppedColumnOrder.rebuilt(m, List.of(dropped("m", 5)));

    assertThat(m.keySet()).containsExactly("m", "s");
  }

  @Test
  void should_replace_a_column_dropped_again_in_place() {
    Map<String, DroppedColumn> m = DroppedColumnOrder.rebuilt(Map.of(), List.of(dropped("s", 4), dropped("m", 5)));
    m = DroppedColumnOrder.rebuilt(m, List.of(dropped("s", 9)));

    assertThat(m.get("s").droppedTimeMicros()).isEqualTo(9);
    assertThat(m).hasSize(2);
  }

  @Test
  void should_list_twelve_drops_as_cassandra_does_before_and_after_reloading_them() {
    // Recorded against Cassandra 5.0.9: c1..c12 dropped one ALTER at a time, then the node restarted
    Map<String, DroppedColumn> live = Map.of();
    for (int i = 1; i <= 12; i++) {
      live = DroppedColumnOrder.rebuilt(live, List.of(dropped("c" + i, i)));
    }
    assertThat(live.keySet()).containsExactly("c4", "c10", "c3", "c2", "c12", "c1", "c11", "c9", "c8", "c7", "c6", "c5");

    Map<String, DroppedColumn> loaded = DroppedColumnOrder.loaded(live.values());

    assertThat(loaded.keySet()).containsExactly("c10", "c12", "c11", "c9", "c8", "c7", "c6", "c5", "c4", "c3", "c2", "c1");
    // and a later rebuild with no new drop keeps the loaded order
    assertThat(DroppedColumnOrder.rebuilt(loaded, List.of()).keySet()).containsExactlyElementsOf(loaded.keySet());
  }
}
