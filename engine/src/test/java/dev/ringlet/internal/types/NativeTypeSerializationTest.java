package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.type.codec.TypeCodec;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Round trips of every native type, with the driver's codecs as the oracle for the bytes. */
class NativeTypeSerializationTest {

  private static final ProtocolVersion V4 = ProtocolVersion.V4;

  static Stream<Arguments> values() throws Exception {
    return Stream.of(
        Arguments.of(NativeType.INT, Integer.MIN_VALUE, TypeCodecs.INT),
        Arguments.of(NativeType.INT, Integer.MAX_VALUE, TypeCodecs.INT),
        Arguments.of(NativeType.INT, 0, TypeCodecs.INT),
        Arguments.of(NativeType.BIGINT, Long.MIN_VALUE, TypeCodecs.BIGINT),
        Arguments.of(NativeType.BIGINT, Long.MAX_VALUE, TypeCodecs.BIGINT),
        Arguments.of(NativeType.COUNTER, -5L, TypeCodecs.COUNTER),
        Arguments.of(NativeType.SMALLINT, Short.MIN_VALUE, TypeCodecs.SMALLINT),
        Arguments.of(NativeType.SMALLINT, Short.MAX_VALUE, TypeCodecs.SMALLINT),
        Arguments.of(NativeType.TINYINT, Byte.MIN_VALUE, TypeCodecs.TINYINT),
        Arguments.of(NativeType.TINYINT, Byte.MAX_VALUE, TypeCodecs.TINYINT),
        Arguments.of(NativeType.BOOLEAN, true, TypeCodecs.BOOLEAN),
        Arguments.of(NativeType.BOOLEAN, false, TypeCodecs.BOOLEAN),
        Arguments.of(NativeType.FLOAT, Float.NaN, TypeCodecs.FLOAT),
        Arguments.of(NativeType.FLOAT, Float.NEGATIVE_INFINITY, TypeCodecs.FLOAT),
        Arguments.of(NativeType.FLOAT, -0.0f, TypeCodecs.FLOAT),
        Arguments.of(NativeType.FLOAT, Float.MIN_VALUE, TypeCodecs.FLOAT),
        Arguments.of(NativeType.DOUBLE, Double.NaN, TypeCodecs.DOUBLE),
        Arguments.of(NativeType.DOUBLE, Double.POSITIVE_INFINITY, TypeCodecs.DOUBLE),
        Arguments.of(NativeType.DOUBLE, Double.MAX_VALUE, TypeCodecs.DOUBLE),
        Arguments.of(NativeType.TEXT, "", TypeCodecs.TEXT),
        Arguments.of(NativeType.TEXT, "héllo wörld ✓ 𝄞", TypeCodecs.TEXT),
        Arguments.of(NativeType.ASCII, "plain ascii ~", TypeCodecs.ASCII),
        Arguments.of(NativeType.BLOB, ByteBuffer.wrap(new byte[] {0, -1, 127, -128}), TypeCodecs.BLOB),
        Arguments.of(NativeType.VARINT, new BigInteger("-123456789012345678901234567890123456789"), TypeCodecs.VARINT),
        Arguments.of(NativeType.VARINT, BigInteger.ZERO, TypeCodecs.VARINT),
        Arguments.of(NativeType.VARINT, BigInteger.TWO.pow(1000), TypeCodecs.VARINT),
        Arguments.of(NativeType.DECIMAL, new BigDecimal("-1234567890.0987654321e-300"), TypeCodecs.DECIMAL),
        Arguments.of(NativeType.DECIMAL, new BigDecimal("1E+5000"), TypeCodecs.DECIMAL),
        Arguments.of(NativeType.DECIMAL, BigDecimal.ZERO, TypeCodecs.DECIMAL),
        Arguments.of(NativeType.UUID, UUID.fromString("ffffffff-ffff-4fff-bfff-ffffffffffff"), TypeCodecs.UUID),
        Arguments.of(NativeType.TIMEUUID, UUID.fromString("e8b3a2a0-7c1f-11ee-8000-000000000001"), TypeCodecs.TIMEUUID),
        Arguments.of(NativeType.INET, InetAddress.getByName("192.168.0.1"), TypeCodecs.INET),
        Arguments.of(NativeType.INET, InetAddress.getByName("::1"), TypeCodecs.INET),
        Arguments.of(NativeType.TIMESTAMP, Instant.ofEpochMilli(Long.MIN_VALUE), TypeCodecs.TIMESTAMP),
        Arguments.of(NativeType.TIMESTAMP, Instant.ofEpochMilli(Long.MAX_VALUE), TypeCodecs.TIMESTAMP),
        Arguments.of(NativeType.TIMESTAMP, Instant.parse("2024-02-29T12:34:56.789Z"), TypeCodecs.TIMESTAMP),
        Arguments.of(NativeType.DATE, LocalDate.of(1970, 1, 1), TypeCodecs.DATE),
        Arguments.of(NativeType.DATE, LocalDate.ofEpochDay(Integer.MIN_VALUE), TypeCodecs.DATE),
        Arguments.of(NativeType.DATE, LocalDate.ofEpochDay(Integer.MAX_VALUE), TypeCodecs.DATE),
        Arguments.of(NativeType.DATE, LocalDate.of(-44, 3, 15), TypeCodecs.DATE));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("values")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void should_encode_like_the_driver_and_decode_back(NativeType type, Object value, TypeCodec codec) {
    ByteBuffer expected = codec.encode(value, V4);

    ByteBuffer encoded = type.encode(value);

    assertThat(HexFormat.of().formatHex(bytes(encoded))).isEqualTo(HexFormat.of().formatHex(bytes(expected)));
    type.validate(encoded);
    assertThat(type.decode(encoded)).isEqualTo(value);
  }

  @Test
  void should_encode_time_like_the_driver() {
    long nanos = LocalTime.of(23, 59, 59, 999_999_999).toNanoOfDay();

    assertThat(bytes(NativeType.TIME.encode(nanos))).isEqualTo(bytes(TypeCodecs.TIME.encode(LocalTime.ofNanoOfDay(nanos), V4)));
    assertThat(NativeType.TIME.decode(NativeType.TIME.encode(nanos))).isEqualTo(nanos);
  }

  @Test
  void should_encode_durations_like_the_driver() {
    CqlDuration[] durations = {
      new CqlDuration(0, 0, 0), new CqlDuration(1, 2, 3), new CqlDuration(-14, -3, -5_000_000_000L),
      new CqlDuration(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE),
      new CqlDuration(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE), new CqlDuration(0, 0, 64),
      new CqlDuration(0, 0, 1L << 40)
    };
    for (CqlDuration d : durations) {
      ByteBuffer expected = TypeCodecs.DURATION.encode(
          com.datastax.oss.driver.api.core.data.CqlDuration.newInstance(d.months(), d.days(), d.nanoseconds()), V4);

      ByteBuffer encoded = NativeType.DURATION.encode(d);

      assertThat(HexFormat.of().formatHex(bytes(encoded))).as(d.toString()).isEqualTo(HexFormat.of().formatHex(bytes(expected)));
      assertThat(NativeType.DURATION.decode(encoded)).isEqualTo(d);
    }
  }

  @Test
  void should_decode_the_empty_value_as_null_except_for_strings_and_blobs() {
    for (NativeType type : NativeType.values()) {
      Object decoded = type.decode(ByteBuffer.allocate(0));
      switch (type) {
        case TEXT, ASCII -> assertThat(decoded).as(type.cql()).isEqualTo("");
        case BLOB -> assertThat(decoded).as(type.cql()).isEqualTo(ByteBuffer.allocate(0));
        default -> assertThat(decoded).as(type.cql()).isNull();
      }
    }
  }

  @Test
  void should_not_move_the_position_of_the_buffers_it_reads() {
    ByteBuffer value = ByteBuffer.allocate(6).putInt(1, 42);
    value.position(1).limit(5);

    assertThat(NativeType.INT.decode(value)).isEqualTo(42);
    assertThat(NativeType.INT.toCqlLiteral(value)).isEqualTo("42");
    assertThat(value.position()).isEqualTo(1);
  }

  @Test
  void should_answer_null_for_null() {
    assertThat(NativeType.INT.encode(null)).isNull();
    assertThat(NativeType.INT.decode(null)).isNull();
    assertThat(NativeType.INT.toCqlLiteral(null)).isEqualTo("null");
    assertThat(NativeType.INT.toJson(null)).isEqualTo("null");
  }

  static byte[] bytes(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }
}
