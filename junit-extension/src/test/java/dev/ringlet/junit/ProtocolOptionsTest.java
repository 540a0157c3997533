package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import org.junit.jupiter.api.Test;

/** The injected session speaks the protocol version and compression the class asks for. */
class ProtocolOptionsTest {

  @CassandraCluster(protocolVersion = "V3", compression = "lz4", keyspace = "proto3")
  @OnlyInTestKit
  static class V3WithLz4 {
    @Test
    void should_speak_v3_with_lz4(CqlSession session) {
      assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V3);
      assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isEqualTo("lz4");
      roundTrip(session);
    }
  }

  @CassandraCluster(protocolVersion = "v4", compression = "snappy", keyspace = "proto4")
  @OnlyInTestKit
  static class V4WithSnappy {
    @Test
    void should_speak_v4_with_snappy(CqlSession session) {
      assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V4);
      assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isEqualTo("snappy");
      roundTrip(session);
    }
  }

  @CassandraCluster(keyspace = "negotiated")
  @OnlyInTestKit
  static class Defaults {
    @Test
    void should_negotiate_without_compression(CqlSession session) {
      assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isNull();
      roundTrip(session);
    }
  }

  /** Enough bytes that the compressors really compress (lz4 and snappy skip tiny bodies only in v5). */
  static void roundTrip(CqlSession session) {
    session.execute("CREATE TABLE IF NOT EXISTS blobs (k int PRIMARY KEY, v text)");
    String value = "compressible ".repeat(500);
    session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance(
        "INSERT INTO blobs (k, v) VALUES (1, ?)", value));
    assertThat(session.execute("SELECT v FROM blobs WHERE k = 1").one().getString(0)).isEqualTo(value);
  }

  @Test
  void each_class_should_get_the_session_it_asked_for() {
    TestKit.run(V3WithLz4.class, V4WithSnappy.class, Defaults.class)
        .testEvents().assertStatistics(s -> s.succeeded(3).failed(0));
  }
}
