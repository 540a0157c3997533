package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import org.junit.jupiter.api.Test;

/** The injected session speaks the protocol version and compression the class asks for. */
class ProtocolOptionsTest {

  @CassandraCluster(protocolVersion = "V3", compression = "lz4", keyspace = "proto3", schema = "classpath:schema/fresh.cql")
  @OnlyInTestKit
  static class V3WithLz4 {
    @Test
    void should_speak_v3_with_lz4(CqlSession session) {
      assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V3);
      assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isEqualTo("lz4");
      roundTrip(session);
    }
  }

  @CassandraCluster(protocolVersion = "v4", compression = "snappy", keyspace = "proto4", schema = "classpath:schema/fresh.cql")
  @OnlyInTestKit
  static class V4WithSnappy {
    @Test
    void should_speak_v4_with_snappy(CqlSession session) {
      assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V4);
      assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isEqualTo("snappy");
      roundTrip(session);
    }
  }

  @CassandraCluster(keyspace = "negotiated", schema = "classpath:schema/fresh.cql")
  @OnlyInTestKit
  static class Defaults {
    @Test
    void should_negotiate_without_compression(CqlSession session) {
      assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isNull();
      roundTrip(session);
    }
  }

  /**
   * A few kilobytes each way, so the frames really are compressed, on the table of the schema
   * script (DDL in a test would wait for the driver's schema refresh).
   */
  static void roundTrip(CqlSession session) {
    String value = "compressible ".repeat(500);
    session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
        "INSERT INTO notes (id, body) VALUES (1, ?)", value));
    assertThat(session.execute("SELECT body FROM notes WHERE id = 1").one().getString(0)).isEqualTo(value);
  }

  @Test
  void each_class_should_get_the_session_it_asked_for() {
    TestKit.assertAllSucceeded(TestKit.run(V3WithLz4.class, V4WithSnappy.class, Defaults.class), 3);
  }
}
