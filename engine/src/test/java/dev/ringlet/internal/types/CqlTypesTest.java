package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CqlTypesTest {

  private static final UserType ADDRESS = new UserType("ks", "address", List.of("street"), List.of(NativeType.TEXT), false);
  private static final UserType MIXED_CASE = new UserType("ks", "Mixed", List.of("f"), List.of(NativeType.INT), false);
  private static final Function<String, UserType> UDTS = Map.of("address", ADDRESS, "Mixed", MIXED_CASE)::get;

  @ParameterizedTest
  @ValueSource(strings = {
      "text", "int", "timeuuid", "list<int>", "frozen<list<int>>", "set<text>", "frozen<set<frozen<list<int>>>>",
      "map<text, int>", "frozen<map<text, frozen<map<int, blob>>>>", "frozen<tuple<int, text>>",
      "frozen<tuple<int, frozen<tuple<text, bigint>>>>", "vector<float, 3>", "address", "frozen<address>",
      "list<frozen<address>>", "map<frozen<address>, vector<int, 2>>", "frozen<\"Mixed\">", "\"Mixed\""})
  void should_read_back_the_type_strings_it_writes(String typeString) {
    assertThat(CqlTypes.parse(typeString, UDTS).cql()).isEqualTo(typeString);
  }

  @Test
  void should_read_aliases_spaces_and_case() {
    assertThat(CqlTypes.parse("VARCHAR", UDTS)).isEqualTo(NativeType.TEXT);
    assertThat(CqlTypes.parse(" frozen < map < varchar , Int > > ", UDTS))
        .isEqualTo(new MapType(NativeType.TEXT, NativeType.INT, true));
    assertThat(CqlTypes.parse("tuple<int>", UDTS)).isEqualTo(new TupleType(List.of(NativeType.INT)));
  }

  @Test
  void should_resolve_user_types_frozen_or_not() {
    assertThat(CqlTypes.parse("address", UDTS)).isEqualTo(ADDRESS);
    assertThat(CqlTypes.parse("frozen<address>", UDTS)).isEqualTo(ADDRESS.freeze());
    assertThat(CqlTypes.parse("frozen<\"Mixed\">", UDTS)).isEqualTo(MIXED_CASE.freeze());
  }

  @Test
  void should_reject_unknown_types_and_bad_syntax() {
    assertThatThrownBy(() -> CqlTypes.parse("nope", UDTS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Unknown type nope");
    assertThatThrownBy(() -> CqlTypes.parse("list<int", UDTS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CqlTypes.parse("vector<float, 0>", UDTS)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CqlTypes.parse("int int", UDTS)).isInstanceOf(IllegalArgumentException.class);
  }
}
