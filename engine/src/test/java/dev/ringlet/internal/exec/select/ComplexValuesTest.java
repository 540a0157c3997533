package dev.ringlet.internal.exec.select;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Element cells are read back as the serialized collection, ordered by the column type's path order. */
class ComplexValuesTest {

  private static ByteBuffer i(int v) {
    return NativeType.INT.encode(v);
  }

  @Test
  void should_be_null_without_live_elements() {
    assertThat(ComplexValues.assemble(new SetType(NativeType.INT, false), Map.of())).isNull();
  }

  @Test
  void should_order_set_elements_by_the_element_type_not_by_bytes() {
    SetType type = new SetType(NativeType.INT, false);
    Map<ByteBuffer, Cell> cells = new HashMap<>();
    for (int v : new int[] {5, -1, 3}) {
      cells.put(i(v), Cell.live(ByteBuffer.allocate(0), 1));
    }

    Cell cell = ComplexValues.assemble(type, cells);

    assertThat(type.elements(cell.value())).containsExactly(i(-1), i(3), i(5));
  }

  @Test
  void should_order_list_elements_prepended_before_appended_ones() {
    ListType type = new ListType(NativeType.INT, false);
    long[] micros = {1_000};
    ByteBuffer[] appended = CellPaths.append(2, () -> micros[0]++);
    ByteBuffer[] prepended = CellPaths.prepend(2, () -> micros[0]++);
    ByteBuffer[] prependedLater = CellPaths.prepend(1, () -> micros[0]++);
    Map<ByteBuffer, Cell> cells = new HashMap<>();
    cells.put(appended[0], Cell.live(i(3), 1));
    cells.put(appended[1], Cell.live(i(4), 1));
    cells.put(prepended[0], Cell.live(i(1), 1));
    cells.put(prepended[1], Cell.live(i(2), 1));
    cells.put(prependedLater[0], Cell.live(i(0), 1));

    Cell cell = ComplexValues.assemble(type, cells);

    assertThat(type.elements(cell.value())).containsExactly(i(0), i(1), i(2), i(3), i(4));
  }

  @Test
  void should_pair_map_keys_with_their_values_and_report_the_latest_timestamp() {
    MapType type = new MapType(NativeType.INT, NativeType.INT, false);
    Map<ByteBuffer, Cell> cells = Map.of(i(2), Cell.live(i(20), 7), i(1), Cell.live(i(10), 9));

    Cell cell = ComplexValues.assemble(type, cells);

    assertThat(type.entries(cell.value())).containsExactly(Map.entry(i(1), i(10)), Map.entry(i(2), i(20)));
    assertThat(cell.timestamp()).isEqualTo(9);
  }

  @Test
  void should_fill_missing_user_type_fields_with_null() {
    UserType type = new UserType("ks", "pair", List.of("a", "b", "c"), List.of(NativeType.INT, NativeType.INT, NativeType.INT), false);
    Map<ByteBuffer, Cell> cells = Map.of(CellPaths.field(1), Cell.live(i(2), 1));

    Cell cell = ComplexValues.assemble(type, cells);

    assertThat(type.split(cell.value())).isEqualTo(Arrays.asList(null, i(2), null));
  }
}
