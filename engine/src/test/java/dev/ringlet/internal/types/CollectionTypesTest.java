package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CollectionTypesTest {

  private static final ListType LIST_OF_INT = new ListType(NativeType.INT, false);
  private static final SetType SET_OF_TEXT = new SetType(NativeType.TEXT, true);
  private static final MapType MAP_TEXT_INT = new MapType(NativeType.TEXT, NativeType.INT, true);

  private static String hex(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return HexFormat.of().formatHex(out);
  }

  @Test
  void should_serialize_collections_like_the_driver() {
    assertThat(hex(LIST_OF_INT.encode(List.of(1, -2, 3))))
        .isEqualTo(hex(TypeCodecs.listOf(TypeCodecs.INT).encode(List.of(1, -2, 3), ProtocolVersion.V4)))
        .isEqualTo("00000003" + "0000000400000001" + "00000004fffffffe" + "0000000400000003");
    assertThat(hex(SET_OF_TEXT.encode(new LinkedHashSet<>(List.of("a", "b")))))
        .isEqualTo(hex(TypeCodecs.setOf(TypeCodecs.TEXT).encode(new LinkedHashSet<>(List.of("a", "b")), ProtocolVersion.V4)));
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("a", 1);
    map.put("b", 2);
    assertThat(hex(MAP_TEXT_INT.encode(map)))
        .isEqualTo(hex(TypeCodecs.mapOf(TypeCodecs.TEXT, TypeCodecs.INT).encode(map, ProtocolVersion.V4)));
  }

  @Test
  void should_sort_and_deduplicate_set_elements_and_map_keys_in_the_type_order() {
    ByteBuffer set = new SetType(NativeType.INT, true).encode(List.of(3, -1, 3, 2));
    Map<Integer, String> map = new LinkedHashMap<>();
    map.put(10, "ten");
    map.put(-5, "minus five");

    assertThat(new ArrayList<Object>((Set<?>) new SetType(NativeType.INT, true).decode(set))).containsExactly(-1, 2, 3);
    Map<?, ?> decoded = (Map<?, ?>) new MapType(NativeType.INT, NativeType.TEXT, true).decode(
        new MapType(NativeType.INT, NativeType.TEXT, true).encode(map));
    assertThat(new ArrayList<Object>(decoded.keySet())).containsExactly(-5, 10);
  }

  @Test
  void should_round_trip_nested_frozen_collections() {
    MapType type = new MapType(NativeType.TEXT, new ListType(new SetType(NativeType.INT, true), true), false);
    Map<String, List<Set<Integer>>> value = Map.of("k", List.of(Set.of(1), Set.of()));

    ByteBuffer bytes = type.encode(value);
    type.validate(bytes);

    assertThat(type.decode(bytes)).isEqualTo(value);
    assertThat(type.cql()).isEqualTo("map<text, frozen<list<frozen<set<int>>>>>");
  }

  @Test
  void should_reject_malformed_collections_with_cassandras_messages() {
    assertThatThrownBy(() -> LIST_OF_INT.validate(ByteBuffer.wrap(HexFormat.of().parseHex("0000000200000004"))))
        .isInstanceOf(MarshalException.class).hasMessage("Not enough bytes to read a list");
    assertThatThrownBy(() -> SET_OF_TEXT.validate(ByteBuffer.wrap(HexFormat.of().parseHex("0000000000"))))
        .hasMessage("Unexpected extraneous bytes after set value");
    assertThatThrownBy(() -> MAP_TEXT_INT.validate(ByteBuffer.wrap(HexFormat.of().parseHex("00000001ffffffff"))))
        .hasMessage("Null value read when not allowed");
    assertThatThrownBy(() -> LIST_OF_INT.validate(ByteBuffer.wrap(HexFormat.of().parseHex("000000010000000201"))))
        .hasMessage("Not enough bytes to read a list");
    assertThatThrownBy(() -> LIST_OF_INT.validate(ByteBuffer.wrap(HexFormat.of().parseHex("00000001000000020001"))))
        .hasMessage("Expected 4 or 0 byte int (2)");
    assertThatThrownBy(() -> LIST_OF_INT.encode(java.util.Arrays.asList(1, null)))
        .hasMessage("null is not supported inside collections");
  }

  @Test
  void should_order_frozen_collections_element_wise_then_by_size() {
    ListType frozen = new ListType(NativeType.INT, true);
    List<ByteBuffer> inOrder = List.of(ByteBuffer.allocate(0), frozen.encode(List.of()), frozen.encode(List.of(-1)),
        frozen.encode(List.of(1)), frozen.encode(List.of(1, 0)), frozen.encode(List.of(2)));
    List<ByteBuffer> sorted = new ArrayList<>(inOrder);
    java.util.Collections.reverse(sorted);
    sorted.sort(frozen::compare);
    assertThat(sorted).containsExactlyElementsOf(inOrder);

    ByteBuffer a = MAP_TEXT_INT.encode(Map.of("a", 2));
    ByteBuffer b = MAP_TEXT_INT.encode(Map.of("a", 3));
    ByteBuffer c = MAP_TEXT_INT.encode(Map.of("b", 0));
    assertThat(MAP_TEXT_INT.compare(a, b)).isNegative();
    assertThat(MAP_TEXT_INT.compare(b, c)).isNegative();
  }

  @Test
  void should_write_collection_literals_and_json() {
    ByteBuffer list = new ListType(NativeType.TEXT, false).encode(List.of("a'b", "c"));
    ByteBuffer set = new SetType(NativeType.INT, false).encode(Set.of(2, 1));
    Map<Integer, String> m = new LinkedHashMap<>();
    m.put(1, "x");
    ByteBuffer map = new MapType(NativeType.INT, NativeType.TEXT, false).encode(m);

    assertThat(new ListType(NativeType.TEXT, false).toCqlLiteral(list)).isEqualTo("['a''b', 'c']");
    assertThat(new ListType(NativeType.TEXT, false).toJson(list)).isEqualTo("[\"a'b\", \"c\"]");
    assertThat(new SetType(NativeType.INT, false).toCqlLiteral(set)).isEqualTo("{1, 2}");
    assertThat(new SetType(NativeType.INT, false).toJson(set)).isEqualTo("[1, 2]");
    assertThat(new MapType(NativeType.INT, NativeType.TEXT, false).toCqlLiteral(map)).isEqualTo("{1: 'x'}");
    assertThat(new MapType(NativeType.INT, NativeType.TEXT, false).toJson(map)).isEqualTo("{\"1\": \"x\"}");
    assertThat(MAP_TEXT_INT.toJson(MAP_TEXT_INT.encode(Map.of("k", 1)))).isEqualTo("{\"k\": 1}");
  }

  @Test
  void should_read_collections_from_json_values_and_json_text() {
    MapType mapType = new MapType(NativeType.INT, new ListType(NativeType.TEXT, true), true);

    ByteBuffer fromObjects = mapType.fromJson(Map.of("3", List.of("a", "b")));
    ByteBuffer fromText = mapType.fromJson("{\"3\": [\"a\", \"b\"]}");

    assertThat(mapType.decode(fromObjects)).isEqualTo(Map.of(3, List.of("a", "b")));
    assertThat(hex(fromText)).isEqualTo(hex(fromObjects));
    assertThat(new SetType(NativeType.INT, true).decode(new SetType(NativeType.INT, true).fromJson(List.of(3, 1, 3))))
        .isEqualTo(Set.of(1, 3));
  }

  @Test
  void should_reject_json_of_the_wrong_shape_for_collections() {
    assertThatThrownBy(() -> LIST_OF_INT.fromJson(Map.of()))
        .hasMessage("Expected a list, but got a " + Map.of().getClass().getSimpleName() + ": {}");
    assertThatThrownBy(() -> LIST_OF_INT.fromJson(java.util.Arrays.asList(1, null)))
        .hasMessage("Invalid null element in list");
    assertThatThrownBy(() -> SET_OF_TEXT.fromJson(5))
        .hasMessage("Expected a list (representing a set), but got a Integer: 5");
    assertThatThrownBy(() -> MAP_TEXT_INT.fromJson(List.of()))
        .hasMessageStartingWith("Expected a map, but got a ");
    Map<String, Object> nullValue = new LinkedHashMap<>();
    nullValue.put("a", null);
    assertThatThrownBy(() -> MAP_TEXT_INT.fromJson(nullValue)).hasMessage("Invalid null value in map");
  }

  @Test
  void should_decode_unsorted_set_and_map_bytes_in_the_type_order() {
    SetType set = new SetType(NativeType.INT, true);
    ByteBuffer unsorted = CollectionBytes.write(List.of(NativeType.INT.encode(3), NativeType.INT.encode(1)), 2);

    assertThat(new ArrayList<Object>((Set<?>) set.decode(unsorted))).containsExactly(1, 3);
    assertThat(hex(set.pack(set.elements(unsorted)))).isEqualTo(hex(set.encode(List.of(1, 3))));
  }

  @Test
  void should_put_element_errors_before_framing_errors_like_cassandra() {
    assertThatThrownBy(() -> LIST_OF_INT.validate(ByteBuffer.wrap(HexFormat.of().parseHex("00000002000000015f"))))
        .hasMessage("Expected 4 or 0 byte int (1)");
  }

  @Test
  void should_accept_no_constants() {
    for (LiteralKind kind : LiteralKind.values()) {
      assertThat(LIST_OF_INT.accepts(kind)).isFalse();
      assertThat(MAP_TEXT_INT.accepts(kind)).isFalse();
    }
  }
}
