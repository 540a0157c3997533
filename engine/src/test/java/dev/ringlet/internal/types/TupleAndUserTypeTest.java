package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.data.TupleValue;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TupleAndUserTypeTest {

  private static final TupleType TUPLE = new TupleType(List.of(NativeType.INT, NativeType.TEXT));
  private static final UserType ADDRESS = new UserType("ks", "address",
      List.of("street", "zip", "Floor"), List.of(NativeType.TEXT, NativeType.INT, NativeType.INT), true);

  private static String hex(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return HexFormat.of().formatHex(out);
  }

  private static ByteBuffer bytes(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  @Test
  void should_serialize_tuples_like_the_driver_with_minus_one_for_null() {
    com.datastax.oss.driver.api.core.type.TupleType driverType = DataTypes.tupleOf(DataTypes.INT, DataTypes.TEXT);
    TupleValue driverValue = driverType.newValue(7, null);

    ByteBuffer encoded = TUPLE.encode(Arrays.asList(7, null));

    assertThat(hex(encoded)).isEqualTo(hex(TypeCodecs.tupleOf(driverType).encode(driverValue, ProtocolVersion.V4)))
        .isEqualTo("0000000400000007ffffffff");
    assertThat(TUPLE.decode(encoded)).isEqualTo(Arrays.asList(7, null));
    assertThat(TUPLE.cql()).isEqualTo("frozen<tuple<int, text>>");
  }

  @Test
  void should_allow_missing_trailing_components_but_not_extra_ones() {
    assertThat(TUPLE.decode(bytes("0000000400000001"))).isEqualTo(Arrays.asList(1, null));
    assertThatThrownBy(() -> TUPLE.validate(bytes("0000000400000001ffffffff00")))
        .hasMessage("Invalid remaining data after end of tuple value");
    assertThatThrownBy(() -> TUPLE.validate(bytes("000000040000"))).hasMessage("Not enough bytes to read 0th component");
    assertThatThrownBy(() -> TUPLE.validate(bytes("000000040000000100"))).hasMessage("Not enough bytes to read size of 1th component");
  }

  @Test
  void should_order_tuples_component_wise_with_null_first() {
    ByteBuffer nullFirst = TUPLE.encode(Arrays.asList(null, "z"));
    ByteBuffer one = TUPLE.encode(Arrays.asList(1, null));
    ByteBuffer oneA = TUPLE.encode(Arrays.asList(1, "a"));
    ByteBuffer two = TUPLE.encode(Arrays.asList(2, "a"));

    assertThat(TUPLE.compare(nullFirst, one)).isNegative();
    assertThat(TUPLE.compare(one, oneA)).isNegative();
    assertThat(TUPLE.compare(oneA, two)).isNegative();
    assertThat(TUPLE.compare(bytes("0000000400000001"), one)).isZero();
  }

  @Test
  void should_write_tuple_literals_and_json() {
    ByteBuffer value = TUPLE.encode(Arrays.asList(1, null));

    assertThat(TUPLE.toCqlLiteral(value)).isEqualTo("(1, null)");
    assertThat(TUPLE.toJson(value)).isEqualTo("[1, null]");
    assertThat(hex(TUPLE.fromJson("[1, null]"))).isEqualTo(hex(value));
    assertThatThrownBy(() -> TUPLE.fromJson(List.of(1))).hasMessage("Tuple is missing items (expected 2): [1]");
    assertThatThrownBy(() -> TUPLE.fromJson(List.of(1, "a", 2))).hasMessage("Tuple contains extra items (expected 2): [1, a, 2]");
  }

  @Test
  void should_decode_user_types_by_field_name_in_field_order() {
    Map<String, Object> value = address("Main", 123, null);

    ByteBuffer encoded = ADDRESS.encode(value);

    assertThat(hex(encoded)).isEqualTo("000000044d61696e000000040000007bffffffff");
    assertThat(ADDRESS.decode(encoded)).isEqualTo(value);
    assertThat(ADDRESS.cql()).isEqualTo("frozen<address>");
    assertThat(ADDRESS.decode(bytes("000000044d61696e"))).isEqualTo(address("Main", null, null));
  }

  private static Map<String, Object> address(String street, Integer zip, Integer floor) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("street", street);
    m.put("zip", zip);
    m.put("Floor", floor);
    return m;
  }

  @Test
  void should_write_user_type_literals_and_json_with_quoted_case_sensitive_names() {
    ByteBuffer encoded = ADDRESS.encode(Map.of("street", "Main", "Floor", 2));

    assertThat(ADDRESS.toCqlLiteral(encoded)).isEqualTo("{street: 'Main', zip: null, \"Floor\": 2}");
    assertThat(ADDRESS.toJson(encoded)).isEqualTo("{\"street\": \"Main\", \"zip\": null, \"\\\"Floor\\\"\": 2}");
  }

  @Test
  void should_read_user_types_from_json() {
    ByteBuffer fromJson = ADDRESS.fromJson(Map.of("STREET", "Main", "\"Floor\"", 2));

    assertThat(ADDRESS.decode(fromJson)).isEqualTo(address("Main", null, 2));
    assertThatThrownBy(() -> ADDRESS.fromJson(Map.of("floor", 1)))
        .hasMessage("Unknown field 'floor' in value of user defined type address");
  }

  @Test
  void should_wrap_a_field_error_naming_the_field() {
    assertThatThrownBy(() -> ADDRESS.validate(bytes("000000044d61696e000000020001")))
        .hasMessage("Failure validating the 1th field zip; Expected 4 or 0 byte int (2)");
    assertThatThrownBy(() -> TUPLE.validate(bytes("000000020001")))
        .hasMessage("Expected 4 or 0 byte int (2)");
  }

  @Test
  void should_name_the_field_in_user_type_validation_messages() {
    assertThatThrownBy(() -> ADDRESS.validate(bytes("000000044d61696e00000004000000")))
        .hasMessage("Not enough bytes to read 1th field zip");
    assertThatThrownBy(() -> ADDRESS.validate(bytes("000000044d61696e000000040000007bffffffff00")))
        .hasMessage("Invalid remaining data after end of UDT value");
  }
}
