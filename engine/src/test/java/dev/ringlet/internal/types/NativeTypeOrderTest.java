package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Comparator tables: each list is in Cassandra's order, empty value first. */
class NativeTypeOrderTest {

  private static void assertOrdered(CqlType type, List<ByteBuffer> inOrder) {
    List<ByteBuffer> shuffled = new ArrayList<>(inOrder);
    Collections.reverse(shuffled);
    Collections.shuffle(shuffled, new java.util.Random(7));
    shuffled.sort(type::compare);
    assertThat(shuffled).as(type.cql()).containsExactlyElementsOf(inOrder);
    for (int i = 0; i < inOrder.size(); i++) {
      assertThat(type.compare(inOrder.get(i), inOrder.get(i))).isZero();
    }
  }

  private static List<ByteBuffer> encodeAll(CqlType type, Object... values) {
    List<ByteBuffer> out = new ArrayList<>();
    out.add(ByteBuffer.allocate(0));
    Arrays.stream(values).map(type::encode).forEach(out::add);
    return out;
  }

  private static ByteBuffer hex(String hex) {
    return ByteBuffer.wrap(HexFormat.of().parseHex(hex));
  }

  @Test
  void should_order_integers_numerically() {
    assertOrdered(NativeType.INT, encodeAll(NativeType.INT, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE));
    assertOrdered(NativeType.BIGINT, encodeAll(NativeType.BIGINT, Long.MIN_VALUE, -1L, 0L, Long.MAX_VALUE));
    assertOrdered(NativeType.VARINT, encodeAll(NativeType.VARINT,
        BigInteger.TWO.pow(100).negate(), BigInteger.valueOf(-129), BigInteger.valueOf(-1),
        BigInteger.ZERO, BigInteger.valueOf(127), BigInteger.valueOf(128), BigInteger.TWO.pow(100)));
    assertOrdered(NativeType.TIMESTAMP, encodeAll(NativeType.TIMESTAMP, -1000L, 0L, 5L));
  }

  @Test
  void should_order_smallint_and_tinyint_numerically() {
    List<ByteBuffer> smallints = encodeAll(NativeType.SMALLINT, Short.MIN_VALUE, (short) -1, (short) 0, Short.MAX_VALUE);
    smallints.remove(0);
    assertOrdered(NativeType.SMALLINT, smallints);
    List<ByteBuffer> tinyints = encodeAll(NativeType.TINYINT, Byte.MIN_VALUE, (byte) -1, (byte) 0, Byte.MAX_VALUE);
    tinyints.remove(0);
    assertOrdered(NativeType.TINYINT, tinyints);
  }

  @Test
  void should_order_decimals_by_value_whatever_the_scale() {
    assertOrdered(NativeType.DECIMAL, encodeAll(NativeType.DECIMAL,
        new BigDecimal("-1e10"), new BigDecimal("-0.5"), new BigDecimal("0.001"), new BigDecimal("1.5"), new BigDecimal("2e3")));
    assertThat(NativeType.DECIMAL.compare(NativeType.DECIMAL.encode(new BigDecimal("1.0")),
        NativeType.DECIMAL.encode(new BigDecimal("1.00")))).isZero();
  }

  @Test
  void should_order_floats_with_negative_zero_before_zero_and_nan_last() {
    assertOrdered(NativeType.FLOAT, encodeAll(NativeType.FLOAT,
        Float.NEGATIVE_INFINITY, -1f, -0.0f, 0.0f, Float.MIN_VALUE, Float.POSITIVE_INFINITY, Float.NaN));
    assertOrdered(NativeType.DOUBLE, encodeAll(NativeType.DOUBLE,
        Double.NEGATIVE_INFINITY, -0.0, 0.0, 1e300, Double.POSITIVE_INFINITY, Double.NaN));
  }

  @Test
  void should_order_time_as_unsigned_bytes() {
    assertOrdered(NativeType.TIME, List.of(hex(""), hex("0000000000000000"), hex("00004e94914effff"), hex("b1a9ecb298bfa253")));
  }

  @Test
  void should_order_false_before_true() {
    assertOrdered(NativeType.BOOLEAN, encodeAll(NativeType.BOOLEAN, false, true));
  }

  @Test
  void should_order_text_blob_and_inet_by_unsigned_bytes() {
    assertOrdered(NativeType.TEXT, List.of(NativeType.TEXT.encode(""), NativeType.TEXT.encode("A"),
        NativeType.TEXT.encode("Z"), NativeType.TEXT.encode("a"), NativeType.TEXT.encode("ab"), NativeType.TEXT.encode("é")));
    assertOrdered(NativeType.BLOB, List.of(hex(""), hex("00"), hex("0000"), hex("7f"), hex("80"), hex("ff")));
    assertOrdered(NativeType.INET, List.of(hex(""), hex("00000000000000000000000000000001"), hex("01020304"), hex("c0a80001")));
  }

  @Test
  void should_order_dates_as_unsigned_days() {
    assertOrdered(NativeType.DATE, List.of(hex(""), hex("00000000"), hex("7fffffff"), hex("80000000"), hex("80000001"), hex("ffffffff")));
  }

  @Test
  void should_order_uuids_by_version_then_time_then_unsigned_bytes() {
    ByteBuffer v1Early = NativeType.UUID.encode(UUID.fromString("ffffffff-0000-1000-8000-000000000000"));
    ByteBuffer v1Later = NativeType.UUID.encode(UUID.fromString("00000000-0001-1000-8000-000000000000"));
    ByteBuffer v1LaterHighClock = NativeType.UUID.encode(UUID.fromString("00000000-0001-1000-ff00-000000000000"));
    ByteBuffer v4Low = NativeType.UUID.encode(UUID.fromString("00000000-0000-4000-8000-000000000000"));
    ByteBuffer v4High = NativeType.UUID.encode(UUID.fromString("ffffffff-0000-4000-8000-000000000000"));

    assertOrdered(NativeType.UUID, List.of(hex(""), v1Early, v1Later, v1LaterHighClock, v4Low, v4High));
  }

  @Test
  void should_order_timeuuids_by_time_then_signed_lsb_bytes() {
    ByteBuffer early = NativeType.TIMEUUID.encode(UUID.fromString("ffffffff-0000-1000-0000-000000000000"));
    ByteBuffer laterNegativeClock = NativeType.TIMEUUID.encode(UUID.fromString("00000000-0001-1000-8000-000000000000"));
    ByteBuffer laterPositiveClock = NativeType.TIMEUUID.encode(UUID.fromString("00000000-0001-1000-7f00-000000000000"));
    ByteBuffer laterPositiveNode = NativeType.TIMEUUID.encode(UUID.fromString("00000000-0001-1000-7f00-7f0000000000"));

    assertOrdered(NativeType.TIMEUUID, List.of(hex(""), early, laterNegativeClock, laterPositiveClock, laterPositiveNode));
  }

  @Test
  void should_put_negative_lsb_bytes_first_for_timeuuid_but_last_for_uuid() {
    ByteBuffer negative = NativeType.UUID.encode(UUID.fromString("00000000-0000-1000-80ff-000000000000"));
    ByteBuffer positive = NativeType.UUID.encode(UUID.fromString("00000000-0000-1000-7fff-000000000000"));

    assertThat(NativeType.TIMEUUID.compare(negative, positive)).isNegative();
    assertThat(NativeType.UUID.compare(negative, positive)).isPositive();
  }
}
