package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.nio.ByteBuffer;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CustomTypeTest {

  private static ByteBuffer uuid(String text) {
    return NativeType.UUID.encode(UUID.fromString(text));
  }

  @Test
  void should_map_marshal_classes_of_cql_types_to_those_types() {
    assertThat(MarshalTypes.parse("org.apache.cassandra.db.marshal.Int32Type")).isEqualTo(NativeType.INT);
    assertThat(MarshalTypes.parse("BytesType")).isEqualTo(NativeType.BLOB);
    assertThat(MarshalTypes.parse("org.apache.cassandra.db.marshal.ListType(org.apache.cassandra.db.marshal.Int32Type)"))
        .isEqualTo(new ListType(NativeType.INT, false));
    assertThat(MarshalTypes.parse("FrozenType(MapType(UTF8Type, LexicalUUIDType))"))
        .isEqualTo(new MapType(NativeType.TEXT, CustomType.LEXICAL_UUID, true));
    assertThat(MarshalTypes.parse("LegacyTimeUUIDType")).isSameAs(CustomType.LEGACY_TIMEUUID);
  }

  @Test
  void should_refuse_unknown_and_non_type_classes_with_cassandra_messages() {
    assertThatThrownBy(() -> MarshalTypes.parse("NoSuchType"))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
        .hasMessage("Error setting type NoSuchType: Unable to find abstract-type class 'org.apache.cassandra.db.marshal.NoSuchType'");
    assertThatThrownBy(() -> MarshalTypes.parse("java.lang.String"))
        .hasMessage("Error setting type java.lang.String: Invalid abstract-type class 'java.lang.String': must extend or"
            + " implement org.apache.cassandra.db.marshal.AbstractType");
    assertThatThrownBy(() -> MarshalTypes.parse("PartitionerDefinedOrder(org.apache.cassandra.dht.LocalPartitioner)"))
        .hasMessage("Error setting type PartitionerDefinedOrder(org.apache.cassandra.dht.LocalPartitioner): Invalid"
            + " definition for comparator org.apache.cassandra.db.marshal.PartitionerDefinedOrder.");
  }

  @Test
  void should_read_quoted_class_names_in_schema_type_strings() {
    assertThat(CqlTypes.parse("map<text, 'org.apache.cassandra.db.marshal.LexicalUUIDType'>", n -> null))
        .isEqualTo(new MapType(NativeType.TEXT, CustomType.LEXICAL_UUID, false));
    assertThat(CqlTypes.parse(CustomType.LEXICAL_UUID.cql(), n -> null)).isSameAs(CustomType.LEXICAL_UUID);
  }

  @Test
  void should_order_legacy_timeuuids_as_timeuuids_and_lexical_uuids_as_uuid_compare_to() {
    ByteBuffer early = uuid("40554d6e-29bb-11e5-b345-feff819cdc9f");
    ByteBuffer late = uuid("60554d6e-29bb-11e5-b345-feff819cdc9f");
    assertThat(CustomType.LEGACY_TIMEUUID.compare(early, late)).isNegative();
    ByteBuffer negative = uuid("f0000000-0000-1000-8000-000000000000");
    ByteBuffer positive = uuid("10000000-0000-1000-8000-000000000000");
    assertThat(CustomType.LEXICAL_UUID.compare(negative, positive)).isNegative();
    assertThat(CustomType.LEXICAL_UUID.compare(ByteBuffer.allocate(0), negative)).isNegative();
  }

  @Test
  void should_accept_any_uuid_version_and_render_values_as_uuids() {
    ByteBuffer v4 = uuid("123e4567-e89b-42d3-a456-426614174000");
    CustomType.LEGACY_TIMEUUID.validate(v4);
    assertThat(CustomType.LEGACY_TIMEUUID.toJson(v4)).isEqualTo("\"123e4567-e89b-42d3-a456-426614174000\"");
    assertThat(CustomType.LEGACY_TIMEUUID.cql()).isEqualTo("timeuuid");
    assertThat(CustomType.LEXICAL_UUID.cql()).isEqualTo("'org.apache.cassandra.db.marshal.LexicalUUIDType'");
    assertThatThrownBy(() -> CustomType.LEXICAL_UUID.parse(LiteralKind.STRING, "abc"))
        .hasMessage("unable to make UUID from 'abc'");
  }

  @Test
  void should_read_date_reversed_and_empty_types_as_cassandra_5_0() {
    assertThat(MarshalTypes.parse("DateType")).isSameAs(CustomType.DATE);
    assertThat(CustomType.DATE.cql()).isEqualTo("timestamp");
    // DateType compares its bytes unsigned: a date before 1970 (negative millis) after the others
    assertThat(CustomType.DATE.compare(NativeType.BIGINT.encode(-1L), NativeType.BIGINT.encode(1L))).isPositive();
    assertThat(MarshalTypes.parse("ReversedType(ReversedType(Int32Type))")).isInstanceOfSatisfying(CustomType.class, c -> {
      assertThat(c.reversedBase()).isEqualTo(NativeType.INT);
      assertThat(c.cql()).isEqualTo("int");
      assertThat(c.compare(NativeType.INT.encode(1), NativeType.INT.encode(2))).isPositive();
    });
    assertThat(MarshalTypes.parse("org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.UTF8Type)"))
        .isEqualTo(NativeType.TEXT);
    assertThat(MarshalTypes.parse("ListType(ReversedType(Int32Type))")).isEqualTo(new ListType(NativeType.INT, false));
    assertThat(MarshalTypes.parse("EmptyType")).isSameAs(CustomType.EMPTY);
    assertThat(CustomType.EMPTY.cql()).isEqualTo("empty");
    assertThat(new ListType(CustomType.EMPTY, false).cql()).isEqualTo("list<empty>");
    assertThat(MarshalTypes.isReversed("ReversedType(Int32Type)")).isTrue();
    assertThat(MarshalTypes.isReversed("org.apache.cassandra.db.marshal.ReversedType(Int32Type)")).isTrue();
    assertThat(MarshalTypes.isReversed("ListType(ReversedType(Int32Type))")).isFalse();
    assertThat(MarshalTypes.expanded("ReversedType( ListType(Int32Type))")).isEqualTo(
        "org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.ListType(org.apache.cassandra.db.marshal.Int32Type))");
  }

  @Test
  void should_refuse_abstract_classes_and_types_missing_their_parameters_as_cassandra_5_0() {
    assertThatThrownBy(() -> MarshalTypes.parse("NumberType"))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
        .hasMessage("Error setting type NumberType: Invalid comparator class org.apache.cassandra.db.marshal.NumberType: must"
            + " define a public static instance field or a public static method getInstance(TypeParser).");
    assertThatThrownBy(() -> MarshalTypes.parse("ReversedType"))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
        .hasMessage("Error setting type ReversedType: Invalid definition for comparator org.apache.cassandra.db.marshal.ReversedType.");
  }

  @Test
  void should_keep_a_reversed_collection_in_one_cell_with_the_collection_s_values_and_order() {
    CqlType list = MarshalTypes.parse("ReversedType(ListType(Int32Type))");
    assertThat(list).isInstanceOfSatisfying(CustomType.class, c -> {
      assertThat(c.wrapped()).isEqualTo(new ListType(NativeType.INT, false));
      assertThat(c.isMultiCell()).isFalse();
      assertThat(c.cql()).isEqualTo("list<int>");
      assertThat(c.className()).isEqualTo(
          "org.apache.cassandra.db.marshal.ReversedType(org.apache.cassandra.db.marshal.ListType(org.apache.cassandra.db.marshal.Int32Type))");
      ByteBuffer one = c.encode(java.util.List.of(1));
      ByteBuffer two = c.encode(java.util.List.of(2));
      assertThat(c.compare(one, two)).isNegative(); // the list's order: a clustering column's DESC comes from the table
      assertThat(c.toJson(two)).isEqualTo("[2]");
      assertThat(CustomType.unreversed(c)).isEqualTo(new ListType(NativeType.INT, false));
    });
    // reversed twice: a type of its own with the same class name, in the other order, and not equal to the single one
    CqlType twice = MarshalTypes.parse("ReversedType(ReversedType(ListType(Int32Type)))");
    assertThat(twice).isNotEqualTo(list);
    assertThat(((CustomType) twice).reversedBase()).isEqualTo(list);
    assertThat(((CustomType) twice).className()).isEqualTo(((CustomType) list).className());
    assertThat(twice.compare(list.encode(java.util.List.of(1)), list.encode(java.util.List.of(2)))).isPositive();
    assertThat(MarshalTypes.parse("ReversedType(FrozenType(SetType(Int32Type)))").cql()).isEqualTo("frozen<set<int>>");
    assertThat(((CustomType) MarshalTypes.parse("ReversedType(MapType(Int32Type,UTF8Type))")).wrapped())
        .isEqualTo(new MapType(NativeType.INT, NativeType.TEXT, false));
  }

  @Test
  void should_hold_only_the_empty_value_in_an_empty_type() {
    CustomType empty = CustomType.EMPTY;
    empty.validate(ByteBuffer.allocate(0));
    assertThatThrownBy(() -> empty.validate(ByteBuffer.wrap(new byte[] {1})))
        .hasMessage("EmptyType only accept empty values");
    for (LiteralKind kind : LiteralKind.values()) {
      assertThat(empty.accepts(kind)).as(kind.name()).isFalse();
    }
    assertThat(empty.toJson(ByteBuffer.allocate(0))).isEqualTo("\"\"");
    assertThat(empty.fromJson("").remaining()).isZero();
    assertThatThrownBy(() -> empty.fromJson("x")).hasMessage("'x' is not empty");
    assertThat(empty.compare(ByteBuffer.allocate(0), ByteBuffer.allocate(0))).isZero();
  }
}
