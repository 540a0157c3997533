package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Cassandra 5.0's MarshalException messages for bytes that are not a value of the type. */
class NativeTypeValidationTest {

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of(NativeType.INT, "000000", "Expected 4 or 0 byte int (3)"),
        Arguments.of(NativeType.BIGINT, "00", "Expected 8 or 0 byte long (1)"),
        Arguments.of(NativeType.COUNTER, "0000000000", "Expected 8 or 0 byte long (5)"),
        Arguments.of(NativeType.SMALLINT, "", "Expected 2 bytes for a smallint (0)"),
        Arguments.of(NativeType.TINYINT, "0000", "Expected 1 byte for a tinyint (2)"),
        Arguments.of(NativeType.BOOLEAN, "0101", "Expected 1 or 0 byte value (2)"),
        Arguments.of(NativeType.FLOAT, "00", "Expected 4 or 0 byte value for a float (1)"),
        Arguments.of(NativeType.DOUBLE, "00000000", "Expected 8 or 0 byte value for a double (4)"),
        Arguments.of(NativeType.DECIMAL, "000000", "Expected 0 or at least 4 bytes (3)"),
        Arguments.of(NativeType.UUID, "00", "UUID should be 16 or 0 bytes (1)"),
        Arguments.of(NativeType.TIMEUUID, "0000", "UUID should be 16 or 0 bytes (2)"),
        Arguments.of(NativeType.TIMEUUID, "c0000000000040000000000000000000", "Invalid version for TimeUUID type: 0xc"),
        Arguments.of(NativeType.TEXT, "c328", "String didn't validate."),
        Arguments.of(NativeType.TEXT, "ff", "String didn't validate."),
        Arguments.of(NativeType.ASCII, "41c3a9", "Invalid byte for ascii: -61"),
        Arguments.of(NativeType.INET, "0102", "Expected 4 or 16 byte inetaddress; got 0102"),
        Arguments.of(NativeType.TIMESTAMP, "0000", "Expected 8 or 0 byte long for date (2)"),
        Arguments.of(NativeType.DATE, "", "Expected 4 byte long for date (0)"),
        Arguments.of(NativeType.TIME, "00000000", "Expected 8 byte long for time (4)"),
        Arguments.of(NativeType.DURATION, "0000", "Expected at least 3 bytes for a duration (2)"),
        Arguments.of(NativeType.DURATION, "020001",
            "The duration months, days and nanoseconds must be all of the same sign (1, 0, -1)"),
        Arguments.of(NativeType.DURATION, "f1000000000000",
            "The duration months must be a 32 bits integer but was: 2147483648"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalid")
  void should_reject_bytes_with_cassandras_message(NativeType type, String hex, String message) {
    ByteBuffer value = ByteBuffer.wrap(HexFormat.of().parseHex(hex));

    assertThatThrownBy(() -> type.validate(value)).isInstanceOf(MarshalException.class).hasMessage(message);
  }

  @Test
  void should_accept_the_empty_value_where_cassandra_does() {
    for (NativeType type : new NativeType[] {NativeType.INT, NativeType.BIGINT, NativeType.TEXT,
        NativeType.ASCII, NativeType.BLOB, NativeType.UUID, NativeType.TIMEUUID, NativeType.DECIMAL,
        NativeType.VARINT, NativeType.INET, NativeType.TIMESTAMP, NativeType.BOOLEAN, NativeType.FLOAT,
        NativeType.DOUBLE}) {
      assertThatCode(() -> type.validate(ByteBuffer.allocate(0))).as(type.cql()).doesNotThrowAnyException();
    }
  }

  @Test
  void should_accept_any_bytes_for_blob_and_varint() {
    ByteBuffer bytes = ByteBuffer.wrap(HexFormat.of().parseHex("ff00ee"));

    assertThatCode(() -> NativeType.BLOB.validate(bytes)).doesNotThrowAnyException();
    assertThatCode(() -> NativeType.VARINT.validate(bytes)).doesNotThrowAnyException();
  }
}
