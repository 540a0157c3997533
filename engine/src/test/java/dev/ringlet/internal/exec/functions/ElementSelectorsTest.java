package dev.ringlet.internal.exec.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Field selection on user type values (not yet reachable from CQL: Ringlet has no CREATE TYPE). */
class ElementSelectorsTest {

  private final UserType addr = new UserType("ks", "addr", List.of("street", "no"),
      List.of(NativeType.TEXT, NativeType.INT), true);

  private static CompiledSelector constant(String name, CqlType type, ByteBuffer value) {
    return CompiledSelector.perRow(name, type, false, (row, values) -> value);
  }

  @Test
  void should_select_a_field_of_a_user_type_value() {
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("street", "Main");
    value.put("no", 7);
    CompiledSelector a = constant("a", addr, addr.encode(value));

    CompiledSelector no = ElementSelectors.field(a, "no");

    assertThat(no.name()).isEqualTo("a.no");
    assertThat(no.type()).isEqualTo(NativeType.INT);
    assertThat(no.valueOf(null, BoundValues.NONE)).isEqualTo(NativeType.INT.encode(7));
  }

  @Test
  void should_refuse_a_field_of_a_non_user_type() {
    CompiledSelector k = constant("k", NativeType.INT, NativeType.INT.encode(1));

    assertThatThrownBy(() -> ElementSelectors.field(k, "x"))
        .hasMessage("Invalid field selection: k of type int is not a user type");
  }
}
