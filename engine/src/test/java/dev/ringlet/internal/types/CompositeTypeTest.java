package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 5.0's CompositeType, DynamicCompositeType and marshal UserType read from their class names. */
class CompositeTypeTest {

  private static final CustomType INT_TEXT = (CustomType) MarshalTypes.parse("CompositeType(Int32Type, UTF8Type)");

  private static ByteBuffer hex(String digits) {
    return Hex.parseBlob(digits);
  }

  private static List<String> sorted(CqlType type, String... values) {
    List<ByteBuffer> bytes = new ArrayList<>();
    for (String v : values) {
      bytes.add(hex(v));
    }
    bytes.sort(type::compare);
    List<String> out = new ArrayList<>();
    for (ByteBuffer b : bytes) {
      out.add(NativeType.BLOB.toCqlLiteral(b).substring(2));
    }
    return out;
  }

  @Test
  void should_name_composites_with_their_packages_and_parameters() {
    assertThat(INT_TEXT.className()).isEqualTo("org.apache.cassandra.db.marshal.CompositeType("
        + "org.apache.cassandra.db.marshal.Int32Type,org.apache.cassandra.db.marshal.UTF8Type)");
    assertThat(INT_TEXT.cql()).isEqualTo("'" + INT_TEXT.className() + "'");
    assertThat(((CustomType) MarshalTypes.parse("DynamicCompositeType")).className())
        .isEqualTo("org.apache.cassandra.db.marshal.DynamicCompositeType()");
    assertThat(((CustomType) MarshalTypes.parse("DynamicCompositeType(s=>UTF8Type, i=>Int32Type)")).className())
        .isEqualTo("org.apache.cassandra.db.marshal.DynamicCompositeType(s=>org.apache.cassandra.db.marshal.UTF8Type,"
            + "i=>org.apache.cassandra.db.marshal.Int32Type)");
    assertThat(MarshalTypes.parse(INT_TEXT.className())).isEqualTo(INT_TEXT);
  }

  @Test
  void should_refuse_composites_without_valid_parameters_as_invalid_definitions() {
    for (String bad : List.of("CompositeType()", "CompositeType(Int32Type, NoSuchType)", "DynamicCompositeType(ab=>Int32Type)")) {
      assertThatThrownBy(() -> MarshalTypes.parse(bad))
          .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SYNTAX_ERROR))
          .hasMessageStartingWith("Error setting type " + bad + ": Invalid definition for comparator");
    }
  }

  @Test
  void should_order_component_by_component_then_by_end_of_component_byte() {
    assertThat(sorted(INT_TEXT, "0004000000020000016100", "0004000000010000016200", "", "00040000000100000162ff",
        "000400000001000001620100", "0004ffffffff0000016100", "0004000000010000016100"))
        .containsExactly("", "0004ffffffff0000016100", "0004000000010000016100", "00040000000100000162ff",
            "0004000000010000016200", "000400000001000001620100", "0004000000020000016100");
    CqlType reversed = MarshalTypes.parse("CompositeType(ReversedType(Int32Type), UTF8Type)");
    assertThat(sorted(reversed, "0004000000010000016100", "0004000000020000016200", "0004000000020000016100"))
        .containsExactly("0004000000020000016100", "0004000000020000016200", "0004000000010000016100");
    CqlType text = MarshalTypes.parse("CompositeType(UTF8Type)");
    assertThat(sorted(text, "00016200", "ffff00016100", "00016100")).as("the static marker sorts first")
        .containsExactly("ffff00016100", "00016100", "00016200");
  }

  @Test
  void should_order_dynamic_components_of_different_types_by_class_name() {
    CqlType dynamic = MarshalTypes.parse("DynamicCompositeType(s=>UTF8Type, i=>Int32Type)");
    String utf8ByName = "0028" + NativeType.BLOB.toCqlLiteral(NativeType.TEXT.encode(
        "org.apache.cassandra.db.marshal.UTF8Type")).substring(2) + "00016300";
    assertThat(sorted(dynamic, utf8ByName, "807300016100", "8069000400000003008073000178", "00094279746573547970650001ff00"))
        .containsExactly("00094279746573547970650001ff00", "8069000400000003008073000178", "807300016100", utf8ByName);
  }

  @Test
  void should_validate_as_cassandra_with_its_messages() {
    INT_TEXT.validate(hex("0004000000010000016100"));
    INT_TEXT.validate(hex("000400000001ff"));
    assertThatThrownBy(() -> INT_TEXT.validate(hex("0102"))).hasMessage("Not enough bytes to read value of component 0");
    assertThatThrownBy(() -> INT_TEXT.validate(hex("000400000001")))
        .hasMessage("Not enough bytes to read the end-of-component byte of component0");
    assertThatThrownBy(() -> INT_TEXT.validate(hex("000400000001ff00")))
        .hasMessage("Invalid bytes remaining after an end-of-component at component0");
    assertThatThrownBy(() -> INT_TEXT.validate(hex("0004000000010000016100000100"))).hasMessage("Too many bytes for comparator");
    assertThatThrownBy(() -> INT_TEXT.validate(hex("00030000000000017800"))).hasMessage("Expected 4 or 0 byte int (3)");
    CqlType dynamic = MarshalTypes.parse("DynamicCompositeType(s=>UTF8Type)");
    assertThatThrownBy(() -> dynamic.validate(hex("807800016100"))).hasMessage("Cannot find comparator for component 0");
    assertThatThrownBy(() -> dynamic.validate(hex("0005616263")))
        .hasMessage("Not enough bytes to read comparator name of component 0");
  }

  @Test
  void should_fail_a_comparison_of_malformed_bytes_as_a_server_error_but_not_of_identical_ones() {
    assertThat(INT_TEXT.compare(hex("0003000000"), hex("0003000000"))).isZero();
    assertThatThrownBy(() -> INT_TEXT.compare(hex("01"), hex("0004000000010000016100")))
        .isInstanceOfSatisfying(CqlException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR))
        .hasMessage("java.lang.IndexOutOfBoundsException");
  }

  @Test
  void should_read_the_text_form_with_escapes_and_end_of_component_markers() {
    assertThat(INT_TEXT.parse(LiteralKind.STRING, "1:a")).isEqualTo(hex("0004000000010000016100"));
    assertThat(INT_TEXT.parse(LiteralKind.STRING, "2:a\\:b")).isEqualTo(hex("000400000002000003613a6200"));
    assertThat(INT_TEXT.parse(LiteralKind.STRING, "4:x:!")).isEqualTo(hex("0004000000040000017801"));
    assertThat(INT_TEXT.parse(LiteralKind.INTEGER, "7")).isEqualTo(hex("00040000000700"));
    assertThat(INT_TEXT.parse(LiteralKind.HEX, "0102")).isEqualTo(hex("0102"));
    assertThatThrownBy(() -> INT_TEXT.parse(LiteralKind.STRING, "x:a")).hasMessage("Unable to make int from 'x'");
    CqlType dynamic = MarshalTypes.parse("DynamicCompositeType(s=>UTF8Type)");
    assertThat(dynamic.parse(LiteralKind.STRING, "s@b:BytesType@ff"))
        .isEqualTo(hex("807300016200" + "0009" + "4279746573547970650001ff00"));
  }

  @Test
  void should_read_a_marshal_user_type_as_a_non_frozen_user_type_of_its_keyspace_and_name() {
    CqlType type = MarshalTypes.parse("UserType(ks,61646472,737472656574:UTF8Type,6e756d:Int32Type)");
    assertThat(type).isEqualTo(new UserType("ks", "addr", List.of("street", "num"), List.of(NativeType.TEXT, NativeType.INT),
        false));
    assertThat(MarshalTypes.parse("FrozenType(UserType(ks,78))").isMultiCell()).isFalse();
    assertThat(MarshalTypes.printedName("UserType(ks,79,61:UTF8Type)"))
        .isEqualTo("org.apache.cassandra.db.marshal.UserType(ks,79,61:org.apache.cassandra.db.marshal.UTF8Type)");
    assertThatThrownBy(() -> MarshalTypes.parse("UserType(ks,zz,61:UTF8Type)"))
        .hasMessage("Error setting type UserType(ks,zz,61:UTF8Type): Invalid definition for comparator"
            + " org.apache.cassandra.db.marshal.UserType.");
  }
}
