package dev.ringlet.internal.types;

import static dev.ringlet.internal.types.LiteralKind.BOOLEAN;
import static dev.ringlet.internal.types.LiteralKind.DURATION;
import static dev.ringlet.internal.types.LiteralKind.FLOAT;
import static dev.ringlet.internal.types.LiteralKind.HEX;
import static dev.ringlet.internal.types.LiteralKind.INTEGER;
import static dev.ringlet.internal.types.LiteralKind.STRING;
import static dev.ringlet.internal.types.LiteralKind.UUID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which constants each type takes (Constants.Literal.testAssignment) and how they read (fromString). */
class NativeTypeLiteralTest {

  private static final Map<NativeType, Set<LiteralKind>> ACCEPTED = Map.ofEntries(
      Map.entry(NativeType.ASCII, EnumSet.of(STRING)),
      Map.entry(NativeType.TEXT, EnumSet.of(STRING)),
      Map.entry(NativeType.INET, EnumSet.of(STRING)),
      Map.entry(NativeType.DATE, EnumSet.of(STRING, INTEGER)),
      Map.entry(NativeType.TIME, EnumSet.of(STRING, INTEGER)),
      Map.entry(NativeType.TIMESTAMP, EnumSet.of(STRING, INTEGER)),
      Map.entry(NativeType.BIGINT, EnumSet.of(INTEGER)),
      Map.entry(NativeType.COUNTER, EnumSet.of(INTEGER)),
      Map.entry(NativeType.INT, EnumSet.of(INTEGER)),
      Map.entry(NativeType.SMALLINT, EnumSet.of(INTEGER)),
      Map.entry(NativeType.TINYINT, EnumSet.of(INTEGER, HEX)),
      Map.entry(NativeType.VARINT, EnumSet.of(INTEGER)),
      Map.entry(NativeType.DECIMAL, EnumSet.of(INTEGER, FLOAT)),
      Map.entry(NativeType.DOUBLE, EnumSet.of(INTEGER, FLOAT)),
      Map.entry(NativeType.FLOAT, EnumSet.of(INTEGER, FLOAT)),
      Map.entry(NativeType.DURATION, EnumSet.of(INTEGER, DURATION)),
      Map.entry(NativeType.UUID, EnumSet.of(UUID)),
      Map.entry(NativeType.TIMEUUID, EnumSet.of(UUID)),
      Map.entry(NativeType.BOOLEAN, EnumSet.of(BOOLEAN)),
      Map.entry(NativeType.BLOB, EnumSet.of(HEX)));

  @Test
  void should_accept_the_constant_kinds_cassandra_assigns_to_each_type() {
    for (NativeType type : NativeType.values()) {
      for (LiteralKind kind : LiteralKind.values()) {
        assertThat(type.accepts(kind)).as("%s accepts %s", type.cql(), kind).isEqualTo(ACCEPTED.get(type).contains(kind));
      }
    }
  }

  static Stream<Arguments> valid() throws Exception {
    return Stream.of(
        Arguments.of(NativeType.INT, INTEGER, "-2147483648", Integer.MIN_VALUE),
        Arguments.of(NativeType.BIGINT, INTEGER, "9223372036854775807", Long.MAX_VALUE),
        Arguments.of(NativeType.COUNTER, INTEGER, "-3", -3L),
        Arguments.of(NativeType.SMALLINT, INTEGER, "-32768", Short.MIN_VALUE),
        Arguments.of(NativeType.TINYINT, INTEGER, "127", (byte) 127),
        Arguments.of(NativeType.TINYINT, HEX, "ff", (byte) -1),
        Arguments.of(NativeType.VARINT, INTEGER, "-123456789012345678901234567890", new BigInteger("-123456789012345678901234567890")),
        Arguments.of(NativeType.DECIMAL, FLOAT, "1.50e-7", new BigDecimal("1.50e-7")),
        Arguments.of(NativeType.DECIMAL, INTEGER, "12345678901234567890", new BigDecimal("12345678901234567890")),
        Arguments.of(NativeType.DOUBLE, FLOAT, "-Infinity", Double.NEGATIVE_INFINITY),
        Arguments.of(NativeType.DOUBLE, FLOAT, "NaN", Double.NaN),
        Arguments.of(NativeType.DOUBLE, INTEGER, "7", 7.0),
        Arguments.of(NativeType.FLOAT, FLOAT, "Infinity", Float.POSITIVE_INFINITY),
        Arguments.of(NativeType.FLOAT, FLOAT, "1.5", 1.5f),
        Arguments.of(NativeType.BOOLEAN, BOOLEAN, "TRUE", true),
        Arguments.of(NativeType.BOOLEAN, BOOLEAN, "false", false),
        Arguments.of(NativeType.BLOB, HEX, "CAFE", ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe})),
        Arguments.of(NativeType.BLOB, HEX, "", ByteBuffer.allocate(0)),
        Arguments.of(NativeType.TEXT, STRING, "it's ✓", "it's ✓"),
        Arguments.of(NativeType.ASCII, STRING, "abc", "abc"),
        Arguments.of(NativeType.UUID, UUID, "550E8400-e29b-41d4-a716-446655440000", java.util.UUID.fromString("550e8400-e29b-41d4-a716-446655440000")),
        Arguments.of(NativeType.TIMEUUID, UUID, "e8b3a2a0-7c1f-11ee-8000-000000000001", java.util.UUID.fromString("e8b3a2a0-7c1f-11ee-8000-000000000001")),
        Arguments.of(NativeType.INET, STRING, "127.0.0.1", InetAddress.getByName("127.0.0.1")),
        Arguments.of(NativeType.INET, STRING, "2001:db8::1", InetAddress.getByName("2001:db8::1")),
        Arguments.of(NativeType.TIMESTAMP, INTEGER, "-1", Instant.ofEpochMilli(-1)),
        Arguments.of(NativeType.TIMESTAMP, STRING, "1700000000000", Instant.ofEpochMilli(1700000000000L)),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02 03:04", Instant.parse("2024-01-02T03:04:00Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02 03:04:05", Instant.parse("2024-01-02T03:04:05Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02T03:04:05.678Z", Instant.parse("2024-01-02T03:04:05.678Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02T03:04:05.678901234Z", Instant.parse("2024-01-02T03:04:05.678Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02 03:04:05+0200", Instant.parse("2024-01-02T01:04:05Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02 03:04:05.5-05:30", Instant.parse("2024-01-02T08:34:05.500Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02 03:04:05 UTC", Instant.parse("2024-01-02T03:04:05Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02 03:04:05 +01", Instant.parse("2024-01-02T02:04:05Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-1-2 3:4:5", Instant.parse("2024-01-02T03:04:05Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02", Instant.parse("2024-01-02T00:00:00Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02+01:00", Instant.parse("2024-01-01T23:00:00Z")),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-01-02Z", Instant.parse("2024-01-02T00:00:00Z")),
        Arguments.of(NativeType.DATE, STRING, "2024-02-29", LocalDate.of(2024, 2, 29)),
        Arguments.of(NativeType.DATE, STRING, "-0001-01-01", LocalDate.of(-1, 1, 1)),
        Arguments.of(NativeType.DATE, INTEGER, "2147483648", LocalDate.of(1970, 1, 1)),
        Arguments.of(NativeType.DATE, INTEGER, "0", LocalDate.ofEpochDay(Integer.MIN_VALUE)),
        Arguments.of(NativeType.DATE, STRING, "4294967295", LocalDate.ofEpochDay(Integer.MAX_VALUE)),
        Arguments.of(NativeType.TIME, STRING, "12:34:56.123456789", 45_296_123_456_789L),
        Arguments.of(NativeType.TIME, STRING, "23:59:59.9", 86_399_900_000_000L),
        Arguments.of(NativeType.TIME, STRING, " 00:00:00 ", 0L),
        Arguments.of(NativeType.TIME, INTEGER, "86399999999999", 86_399_999_999_999L),
        Arguments.of(NativeType.DURATION, DURATION, "1h30m", new CqlDuration(0, 0, 5_400_000_000_000L)),
        Arguments.of(NativeType.DURATION, DURATION, "1y2mo3w4d5h6m7s8ms9us10ns",
            new CqlDuration(14, 25, 18_367_008_009_010L)),
        Arguments.of(NativeType.DURATION, DURATION, "-2MO1µS", new CqlDuration(-2, 0, -1000)),
        Arguments.of(NativeType.DURATION, DURATION, "P1Y2M3DT4H5M6S", new CqlDuration(14, 3, 14_706_000_000_000L)),
        Arguments.of(NativeType.DURATION, DURATION, "PT30M", new CqlDuration(0, 0, 1_800_000_000_000L)),
        Arguments.of(NativeType.DURATION, DURATION, "-P2W", new CqlDuration(0, -14, 0)),
        Arguments.of(NativeType.DURATION, DURATION, "P0001-02-03T04:05:06", new CqlDuration(14, 3, 14_706_000_000_000L)));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("valid")
  void should_read_each_literal_form(NativeType type, LiteralKind kind, String text, Object expected) {
    ByteBuffer parsed = type.parse(kind, text);

    type.validate(parsed);
    assertThat(type.decode(parsed)).isEqualTo(expected);
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(NativeType.INT, INTEGER, "2147483648", "Unable to make int from '2147483648'"),
        Arguments.of(NativeType.BIGINT, INTEGER, "9223372036854775808", "Unable to make long from '9223372036854775808'"),
        Arguments.of(NativeType.COUNTER, INTEGER, "1e3", "Unable to make long from '1e3'"),
        Arguments.of(NativeType.SMALLINT, INTEGER, "40000", "Unable to make short from '40000'"),
        Arguments.of(NativeType.TINYINT, INTEGER, "200", "Unable to make byte from '200'"),
        Arguments.of(NativeType.VARINT, INTEGER, "12x", "unable to make int from '12x'"),
        Arguments.of(NativeType.DECIMAL, FLOAT, "NaN", "unable to make BigDecimal from 'NaN'"),
        Arguments.of(NativeType.FLOAT, FLOAT, "1.2.3", "Unable to make float from '1.2.3'"),
        Arguments.of(NativeType.DOUBLE, FLOAT, "x", "Unable to make double from 'x'"),
        Arguments.of(NativeType.BOOLEAN, BOOLEAN, "yes", "Unable to make boolean from 'yes'"),
        Arguments.of(NativeType.BLOB, HEX, "abc", "cannot parse 'abc' as hex bytes"),
        Arguments.of(NativeType.ASCII, STRING, "é",
            "Invalid ASCII character in string literal: java.nio.charset.UnmappableCharacterException: Input length = 1"),
        Arguments.of(NativeType.UUID, UUID, "550e8400-e29b-41d4-a716", "Unable to make UUID from '550e8400-e29b-41d4-a716'"),
        Arguments.of(NativeType.TIMEUUID, UUID, "550e8400-e29b-41d4-a716-446655440000", "TimeUUID supports only version 1 UUIDs"),
        Arguments.of(NativeType.INET, STRING, "not an address", "Unable to make inet address from 'not an address'"),
        Arguments.of(NativeType.INET, STRING, "1.2.3.256", "Unable to make inet address from '1.2.3.256'"),
        Arguments.of(NativeType.TIMESTAMP, STRING, "2024-13-01", "Unable to parse a date/time from '2024-13-01'"),
        Arguments.of(NativeType.TIMESTAMP, STRING, "yesterday", "Unable to parse a date/time from 'yesterday'"),
        Arguments.of(NativeType.TIMESTAMP, INTEGER, "99999999999999999999",
            "Unable to make long (for date) from: '99999999999999999999'"),
        Arguments.of(NativeType.DATE, STRING, "2023-02-29", "Unable to coerce '2023-02-29' to a formatted date (long)"),
        Arguments.of(NativeType.DATE, STRING, "2023/01/01", "Unable to coerce '2023/01/01' to a formatted date (long)"),
        Arguments.of(NativeType.DATE, INTEGER, "-1", "Unable to make unsigned int (for date) from: '-1'"),
        Arguments.of(NativeType.DATE, INTEGER, "4294967296", "Unable to make unsigned int (for date) from: '4294967296'"),
        Arguments.of(NativeType.DATE, STRING, "+5881580-07-12",
            "Input date +5881580-07-12 is greater than max supported date +5881580-07-11T00:00Z"),
        Arguments.of(NativeType.DATE, STRING, "-5877641-06-22",
            "Input date -5877641-06-22 is less than min supported date -5877641-06-23T00:00Z"),
        Arguments.of(NativeType.TIME, STRING, "24:00:00", "(TimeType) Unable to coerce '24:00:00' to a formatted time (long)"),
        Arguments.of(NativeType.TIME, STRING, "12:00", "(TimeType) Unable to coerce '12:00' to a formatted time (long)"),
        Arguments.of(NativeType.TIME, STRING, "12:00:00.1234567890", "(TimeType) Unable to coerce '12:00:00.1234567890' to a formatted time (long)"),
        Arguments.of(NativeType.TIME, INTEGER, "86400000000000", "Unable to make long (for time) from: '86400000000000'"),
        Arguments.of(NativeType.DURATION, INTEGER, "12", "Unable to convert '12' to a duration"),
        Arguments.of(NativeType.DURATION, DURATION, "-P1", "Unable to convert 'P1' to a duration"),
        Arguments.of(NativeType.DURATION, DURATION, "1h1h", "Invalid duration. The hours are specified multiple times"),
        Arguments.of(NativeType.DURATION, DURATION, "1m1h", "Invalid duration. The minutes should be after hours"),
        Arguments.of(NativeType.DURATION, DURATION, "3000000000mo",
            "Invalid duration. The total number of months must be less or equal to 2147483647"),
        Arguments.of(NativeType.INT, STRING, "42", "Invalid STRING constant (42) for type int"));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("invalid")
  void should_reject_a_bad_literal_with_cassandras_message(NativeType type, LiteralKind kind, String text, String message) {
    assertThatThrownBy(() -> type.parse(kind, text)).isInstanceOf(MarshalException.class).hasMessage(message);
  }

  @Test
  void should_read_now_as_the_current_time() {
    long before = System.currentTimeMillis();

    Instant now = (Instant) NativeType.TIMESTAMP.decode(NativeType.TIMESTAMP.parse(STRING, "NOW"));

    assertThat(now.toEpochMilli()).isBetween(before, System.currentTimeMillis());
  }

  @Test
  void should_read_an_empty_string_as_the_empty_value() {
    assertThat(NativeType.TIMESTAMP.parse(STRING, "").remaining()).isZero();
    assertThat(NativeType.TEXT.parse(STRING, "").remaining()).isZero();
  }
}
