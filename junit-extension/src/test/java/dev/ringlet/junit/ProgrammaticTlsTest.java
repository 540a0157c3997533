package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The builder equivalents of {@code tls}, {@code protocolVersion} and {@code compression}. */
class ProgrammaticTlsTest {

  @RegisterExtension
  static final RingletExtension RINGLET = RingletExtension.forSpec(ClusterSpec.defaults().withClusterName("programmatic-tls"))
      .withTls()
      .withProtocolVersion("V4")
      .withCompression("lz4")
      .withKeyspace("prog")
      .withSchema("classpath:schema/fresh.cql")
      .withOwnCluster();

  @Test
  void should_inject_a_tls_v4_lz4_session(CqlSession session, RingletCluster cluster) {
    assertThat(cluster.clientSslContext()).isNotNull();
    assertThat(session.getContext().getProtocolVersion()).isEqualTo(DefaultProtocolVersion.V4);
    assertThat(((InternalDriverContext) session.getContext()).getCompressor().algorithm()).isEqualTo("lz4");
    ProtocolOptionsTest.roundTrip(session);
  }
}
