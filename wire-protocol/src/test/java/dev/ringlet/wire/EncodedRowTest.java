package dev.ringlet.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A row keeps its values as given and its cells as a ROWS body carries them. */
class EncodedRowTest {

  @Test
  void should_keep_each_value_as_a_length_and_its_bytes_and_a_null_as_minus_one() {
    ByteBuffer a = ByteBuffer.wrap(new byte[] {0, 5, 6, 0}).position(1).limit(3);
    List<ByteBuffer> values = new ArrayList<>(Arrays.asList(a, null, ByteBuffer.allocate(0)));

    EncodedRow row = EncodedRow.of(values);
    values.clear();

    assertThat(row).hasSize(3);
    assertThat(row.get(0)).isSameAs(a);
    assertThat(a.position()).isEqualTo(1);
    assertThat(row.get(1)).isNull();
    assertThat(row.cellsSize()).isEqualTo(4 + 2 + 4 + 4);
    ByteBuffer cells = row.cells();
    assertThat(cells.isReadOnly()).isTrue();
    byte[] bytes = new byte[cells.remaining()];
    cells.get(bytes);
    assertThat(bytes).containsExactly(0, 0, 0, 2, 5, 6, -1, -1, -1, -1, 0, 0, 0, 0);
    assertThat(row.cells().remaining()).isEqualTo(row.cellsSize());
  }

  @Test
  void should_not_be_changed() {
    EncodedRow row = EncodedRow.of(List.of(ByteBuffer.allocate(1)));
    assertThatThrownBy(() -> row.set(0, null)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> row.add(null)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void should_equal_a_list_of_the_same_values() {
    List<ByteBuffer> values = Arrays.asList(ByteBuffer.wrap(new byte[] {1}), null);
    assertThat(EncodedRow.of(values)).isEqualTo(values).hasSameHashCodeAs(values);
  }
}
