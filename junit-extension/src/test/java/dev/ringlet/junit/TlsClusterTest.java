package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;

@CassandraCluster(tls = true, nodes = 2, keyspace = "secure", schema = "classpath:schema/fresh.cql")
class TlsClusterTest {

  @Test
  void should_inject_a_session_that_connects_over_tls_to_every_node(CqlSession session, RingletCluster cluster) {
    // The schema script ran over TLS too, and the injected session validates host names
    session.execute("INSERT INTO notes (id, body) VALUES (1, 'encrypted')");
    assertThat(session.execute("SELECT body FROM notes WHERE id = 1").one().getString(0)).isEqualTo("encrypted");
    assertThat(cluster.nodes()).hasSize(2);
    assertThat(session.getMetadata().getNodes().values()).allSatisfy(n -> assertThat(n.getOpenConnections()).isPositive());
  }

  @Test
  void should_serve_tls_only_with_a_generated_certificate_the_cluster_hands_out(RingletCluster cluster) {
    assertThatThrownBy(() -> CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).build())
        .isInstanceOf(AllNodesFailedException.class);
    try (CqlSession own = CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withSslEngineFactory(new ProgrammaticSslEngineFactory(cluster.clientSslContext(), null, true))
        .build()) {
      assertThat(own.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
    }
  }

  @Test
  void should_start_the_same_cluster_as_a_self_signed_client_encryption_spec() {
    assertThat(dev.ringlet.junit.internal.SettingsReader.read(TlsClusterTest.class).settings().spec().clientEncryption())
        .isEqualTo(ClientEncryption.selfSigned());
  }
}
