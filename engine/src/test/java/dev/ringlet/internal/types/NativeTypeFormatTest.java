package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** CQL literals (CQL3Type.toCQLLiteral) and JSON (toJSONString / fromJSONObject) of native values. */
class NativeTypeFormatTest {

  static Stream<Arguments> formats() throws Exception {
    return Stream.of(
        Arguments.of(NativeType.INT, -7, "-7", "-7"),
        Arguments.of(NativeType.BIGINT, Long.MIN_VALUE, "-9223372036854775808", "-9223372036854775808"),
        Arguments.of(NativeType.COUNTER, 3L, "3", "3"),
        Arguments.of(NativeType.SMALLINT, (short) 12, "12", "12"),
        Arguments.of(NativeType.TINYINT, (byte) -1, "-1", "-1"),
        Arguments.of(NativeType.VARINT, new BigInteger("123456789012345678901234567890"),
            "123456789012345678901234567890", "123456789012345678901234567890"),
        Arguments.of(NativeType.DECIMAL, new BigDecimal("1.50"), "1.50", "1.50"),
        Arguments.of(NativeType.DECIMAL, new BigDecimal("1E+10"), "1E+10", "1E+10"),
        Arguments.of(NativeType.FLOAT, 1.5f, "1.5", "1.5"),
        Arguments.of(NativeType.FLOAT, 1e10f, "1.0E10", "1.0E10"),
        Arguments.of(NativeType.FLOAT, Float.NaN, "NaN", "null"),
        Arguments.of(NativeType.DOUBLE, Double.NEGATIVE_INFINITY, "-Infinity", "null"),
        Arguments.of(NativeType.DOUBLE, 0.1, "0.1", "0.1"),
        Arguments.of(NativeType.BOOLEAN, true, "true", "true"),
        Arguments.of(NativeType.TEXT, "it's \"q\"\n\\", "'it''s \"q\"\n\\'", "\"it's \\\"q\\\"\\n\\\\\""),
        Arguments.of(NativeType.TEXT, "", "''", "\"\""),
        Arguments.of(NativeType.ASCII, "a'b", "'a''b'", "\"a'b\""),
        Arguments.of(NativeType.BLOB, ByteBuffer.wrap(new byte[] {0x0a, (byte) 0xff}), "0x0aff", "\"0x0aff\""),
        Arguments.of(NativeType.BLOB, ByteBuffer.allocate(0), "0x", "\"0x\""),
        Arguments.of(NativeType.UUID, UUID.fromString("550e8400-e29b-41d4-a716-446655440000"),
            "550e8400-e29b-41d4-a716-446655440000", "\"550e8400-e29b-41d4-a716-446655440000\""),
        Arguments.of(NativeType.TIMEUUID, UUID.fromString("e8b3a2a0-7c1f-11ee-8000-000000000001"),
            "e8b3a2a0-7c1f-11ee-8000-000000000001", "\"e8b3a2a0-7c1f-11ee-8000-000000000001\""),
        Arguments.of(NativeType.INET, InetAddress.getByName("10.0.0.1"), "'10.0.0.1'", "\"10.0.0.1\""),
        Arguments.of(NativeType.INET, InetAddress.getByName("::1"), "'0:0:0:0:0:0:0:1'", "\"0:0:0:0:0:0:0:1\""),
        Arguments.of(NativeType.TIMESTAMP, Instant.parse("2024-01-02T03:04:05.006Z"),
            "'2024-01-02T03:04:05.006Z'", "\"2024-01-02 03:04:05.006Z\""),
        Arguments.of(NativeType.DATE, LocalDate.of(2024, 2, 29), "'2024-02-29'", "\"2024-02-29\""),
        Arguments.of(NativeType.DATE, LocalDate.ofEpochDay(Integer.MAX_VALUE), "'+5881580-07-11'", "\"+5881580-07-11\""),
        Arguments.of(NativeType.TIME, 45_296_000_000_001L, "'12:34:56.000000001'", "\"12:34:56.000000001\""),
        Arguments.of(NativeType.DURATION, new CqlDuration(14, 3, 3_723_004_005_006L),
            "1y2mo3d1h2m3s4ms5us6ns", "\"1y2mo3d1h2m3s4ms5us6ns\""),
        Arguments.of(NativeType.DURATION, new CqlDuration(0, -1, -60_000_000_000L), "-1d1m", "\"-1d1m\""),
        Arguments.of(NativeType.DURATION, new CqlDuration(0, 0, 0), "", "\"\""));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("formats")
  void should_format_like_cassandra(NativeType type, Object value, String literal, String json) {
    ByteBuffer bytes = type.encode(value);

    assertThat(type.toCqlLiteral(bytes)).isEqualTo(literal);
    assertThat(type.toJson(bytes)).isEqualTo(json);
  }

  @Test
  void should_write_the_empty_value_of_non_string_types_as_null_literal_and_empty_json_string() {
    assertThat(NativeType.INT.toCqlLiteral(ByteBuffer.allocate(0))).isEqualTo("null");
    assertThat(NativeType.INT.toJson(ByteBuffer.allocate(0))).isEqualTo("\"\"");
  }

  static Stream<Arguments> jsonInputs() throws Exception {
    return Stream.of(
        Arguments.of(NativeType.INT, 5, 5),
        Arguments.of(NativeType.INT, "5", 5),
        Arguments.of(NativeType.BIGINT, 5, 5L),
        Arguments.of(NativeType.BIGINT, 5_000_000_000L, 5_000_000_000L),
        Arguments.of(NativeType.SMALLINT, 5, (short) 5),
        Arguments.of(NativeType.TINYINT, "-5", (byte) -5),
        Arguments.of(NativeType.VARINT, new BigInteger("99999999999999999999"), new BigInteger("99999999999999999999")),
        Arguments.of(NativeType.VARINT, 12, BigInteger.valueOf(12)),
        Arguments.of(NativeType.DECIMAL, 1.25, new BigDecimal("1.25")),
        Arguments.of(NativeType.DECIMAL, "1e3", new BigDecimal("1e3")),
        Arguments.of(NativeType.FLOAT, 1.5, 1.5f),
        Arguments.of(NativeType.DOUBLE, 2, 2.0),
        Arguments.of(NativeType.DOUBLE, "NaN", Double.NaN),
        Arguments.of(NativeType.BOOLEAN, true, true),
        Arguments.of(NativeType.BOOLEAN, "false", false),
        Arguments.of(NativeType.TEXT, "x", "x"),
        Arguments.of(NativeType.BLOB, "0xcafe", ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe})),
        Arguments.of(NativeType.TIMESTAMP, 1000L, Instant.ofEpochMilli(1000)),
        Arguments.of(NativeType.TIMESTAMP, "2024-01-02 03:04:05.006Z", Instant.parse("2024-01-02T03:04:05.006Z")),
        Arguments.of(NativeType.DATE, "2024-01-02", LocalDate.of(2024, 1, 2)),
        Arguments.of(NativeType.TIME, "01:00:00", 3_600_000_000_000L),
        Arguments.of(NativeType.UUID, "550e8400-e29b-41d4-a716-446655440000", UUID.fromString("550e8400-e29b-41d4-a716-446655440000")),
        Arguments.of(NativeType.INET, "::1", InetAddress.getByName("::1")),
        Arguments.of(NativeType.DURATION, "1h", new CqlDuration(0, 0, 3_600_000_000_000L)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("jsonInputs")
  void should_read_json_values(NativeType type, Object json, Object expected) {
    assertThat(type.decode(type.fromJson(json))).isEqualTo(expected);
  }

  static Stream<Arguments> badJson() {
    return Stream.of(
        Arguments.of(NativeType.INT, 5L, "Expected an int value, but got a Long: 5"),
        Arguments.of(NativeType.INT, 1.5, "Expected an int value, but got a Double: 1.5"),
        Arguments.of(NativeType.BIGINT, true, "Expected a bigint value, but got a Boolean: true"),
        Arguments.of(NativeType.TEXT, 3, "Expected a UTF-8 string, but got a Integer: 3"),
        Arguments.of(NativeType.ASCII, 3, "Expected an ascii string, but got a Integer: 3"),
        Arguments.of(NativeType.BOOLEAN, 1, "Expected a boolean value, but got a Integer: 1"),
        Arguments.of(NativeType.BLOB, "cafe",
            "Value 'cafe' is not a valid blob representation: String representation of blob is missing 0x prefix: cafe"),
        Arguments.of(NativeType.SMALLINT, 40000, "Unable to make short from '40000'"),
        Arguments.of(NativeType.TIMESTAMP, 1000, "Expected a long or a datestring representation of a timestamp value, but got a Integer: 1000"),
        Arguments.of(NativeType.DECIMAL, "abc", "Value 'abc' is not a valid representation of a decimal value"),
        Arguments.of(NativeType.VARINT, 1.5, "Value '1.5' is not a valid representation of a varint value"),
        Arguments.of(NativeType.TIMESTAMP, 1.5, "Expected a long or a datestring representation of a timestamp value, but got a Double: 1.5"),
        Arguments.of(NativeType.DATE, 5, "Expected a string representation of a date value, but got a Integer: 5"),
        Arguments.of(NativeType.TIME, 5, "Expected a string representation of a time value, but got a Integer: 5"),
        Arguments.of(NativeType.UUID, 5, "Expected a string representation of a uuid, but got a Integer: 5"),
        Arguments.of(NativeType.TIMEUUID, 5, "Expected a string representation of a timeuuid, but got a Integer: 5"),
        Arguments.of(NativeType.INET, 5, "Expected a string representation of an inet value, but got a Integer: 5"),
        Arguments.of(NativeType.DURATION, 5, "Expected a string representation of a duration, but got a Integer: 5"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badJson")
  void should_reject_json_of_the_wrong_shape(NativeType type, Object json, String message) {
    assertThatThrownBy(() -> type.fromJson(json)).isInstanceOf(MarshalException.class).hasMessage(message);
  }

  @Test
  void should_read_json_null_as_null() {
    assertThat(NativeType.INT.fromJson(null)).isNull();
  }

  @Test
  void should_name_native_types_by_their_cql_names() {
    assertThat(NativeType.TEXT.cql()).isEqualTo("text");
    assertThat(NativeType.byName("varchar")).isEqualTo(NativeType.TEXT);
    assertThat(NativeType.byName("TimeUUID")).isEqualTo(NativeType.TIMEUUID);
    assertThat(NativeType.byName("address")).isNull();
    for (NativeType type : NativeType.values()) {
      assertThat(NativeType.byName(type.cql())).isEqualTo(type);
    }
  }
}
