package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BoundStatementBuilder;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.data.CqlDuration;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every native CQL type written through prepared statements and read back exactly: extreme values,
 * empty strings and blobs, nulls, and unset values that leave what was there.
 */
class ScalarRoundTripTest {

  private static RingletCluster cluster;
  private static CqlSession session;

  /** Column name to the values written, one row per index; rows are keyed 0..n-1. */
  private static final Map<String, List<Object>> VALUES = new LinkedHashMap<>();

  static {
    try {
      VALUES.put("c_ascii", List.of("", "plain ascii ~!@#$%^&*()"));
      VALUES.put("c_bigint", List.of(Long.MIN_VALUE, Long.MAX_VALUE));
      VALUES.put("c_blob", List.of(ByteBuffer.allocate(0), ByteBuffer.wrap(new byte[] {0, -1, 127, -128})));
      VALUES.put("c_boolean", List.of(false, true));
      VALUES.put("c_date", List.of(LocalDate.of(-5877641, 6, 23), LocalDate.of(5881580, 7, 11)));
      VALUES.put("c_decimal", List.of(new BigDecimal("-1E-400"), new BigDecimal("123456789012345678901234567890.0987654321")));
      VALUES.put("c_double", List.of(-Double.MAX_VALUE, Double.NaN));
      VALUES.put("c_duration", List.of(CqlDuration.newInstance(-1, -2, -3), CqlDuration.newInstance(14, 30, 3_600_000_000_123L)));
      VALUES.put("c_float", List.of(Float.NEGATIVE_INFINITY, Float.MIN_VALUE));
      VALUES.put("c_inet", List.of(InetAddress.getByName("0.0.0.0"), InetAddress.getByName("::1")));
      VALUES.put("c_int", List.of(Integer.MIN_VALUE, Integer.MAX_VALUE));
      VALUES.put("c_smallint", List.of(Short.MIN_VALUE, Short.MAX_VALUE));
      VALUES.put("c_text", List.of("", "unicode ✓ 漢字 \uD83D\uDE00 'quoted'"));
      VALUES.put("c_time", List.of(LocalTime.MIN, LocalTime.MAX));
      VALUES.put("c_timestamp", List.of(Instant.ofEpochMilli(Long.MIN_VALUE), Instant.ofEpochMilli(Long.MAX_VALUE)));
      VALUES.put("c_timeuuid", List.of(UUID.fromString("00000000-0000-1000-8000-000000000000"),
          UUID.fromString("ffffffff-ffff-1fff-bfff-ffffffffffff")));
      VALUES.put("c_tinyint", List.of(Byte.MIN_VALUE, Byte.MAX_VALUE));
      VALUES.put("c_uuid", List.of(new UUID(0, 0), UUID.fromString("123e4567-e89b-42d3-a456-426614174000")));
      VALUES.put("c_varint", List.of(new BigInteger("-" + "9".repeat(300)), BigInteger.TWO.pow(1000)));
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults());
    session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
    session.execute("CREATE KEYSPACE types WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    StringBuilder ddl = new StringBuilder("CREATE TABLE types.t (k int PRIMARY KEY");
    for (String column : VALUES.keySet()) {
      ddl.append(", ").append(column).append(' ').append(column.substring(2));
    }
    session.execute(ddl.append(')').toString());
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  @Test
  void should_round_trip_extreme_and_empty_values_of_every_type() {
    PreparedStatement insert = session.prepare("INSERT INTO types.t (k, " + String.join(", ", VALUES.keySet()) + ") VALUES (?"
        + ", ?".repeat(VALUES.size()) + ")");
    for (int row = 0; row < 2; row++) {
      BoundStatementBuilder b = insert.boundStatementBuilder().setInt(0, row);
      int i = 1;
      for (List<Object> values : VALUES.values()) {
        Object v = values.get(row);
        b = b.set(i, v, javaClass(v));
        i++;
      }
      session.execute(b.build());
    }
    for (int row = 0; row < 2; row++) {
      Row r = session.execute("SELECT * FROM types.t WHERE k = " + row).one();
      for (Map.Entry<String, List<Object>> e : VALUES.entrySet()) {
        Object expected = e.getValue().get(row);
        Object actual = r.getObject(e.getKey());
        if (expected instanceof Double d && d.isNaN()) {
          assertThat((Double) actual).as(e.getKey()).isNaN();
        } else if (expected instanceof BigDecimal d) {
          assertThat((BigDecimal) actual).as(e.getKey()).isEqualTo(d);
        } else {
          assertThat(actual).as(e.getKey() + " row " + row).isEqualTo(expected);
        }
      }
    }
  }

  /** The class the driver's codecs are registered for (not a subclass such as HeapByteBuffer). */
  @SuppressWarnings("unchecked")
  private static Class<Object> javaClass(Object v) {
    Class<?> c = v instanceof ByteBuffer ? ByteBuffer.class : v instanceof InetAddress ? InetAddress.class : v.getClass();
    return (Class<Object>) c;
  }

  @Test
  void should_store_nulls_and_leave_unset_values_alone() {
    session.execute("INSERT INTO types.t (k, c_int, c_text, c_blob) VALUES (10, 1, 'kept', 0x01)");
    PreparedStatement update = session.prepare("INSERT INTO types.t (k, c_int, c_text, c_blob) VALUES (?, ?, ?, ?)");
    // c_int: null deletes it; c_text: unset leaves it; c_blob: replaced.
    session.execute(update.bind(10, null).setToNull(1).unset(2).setByteBuffer(3, ByteBuffer.wrap(new byte[] {2})));
    Row r = session.execute("SELECT c_int, c_text, c_blob FROM types.t WHERE k = 10").one();
    assertThat(r.isNull("c_int")).isTrue();
    assertThat(r.getString("c_text")).isEqualTo("kept");
    assertThat(r.getByteBuffer("c_blob")).isEqualTo(ByteBuffer.wrap(new byte[] {2}));
  }
}
