package dev.ringlet.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.tls.SelfSignedCertificate;
import dev.ringlet.internal.tls.TlsContexts;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nodes of a cluster over TCP (as separate processes run them) serve client TLS from a keystore. */
class ProcessClusterTlsTest {

  @TempDir
  Path directory;

  @Test
  void every_node_of_a_tcp_cluster_should_serve_tls() throws Exception {
    // Given one keystore for both nodes (its certificate names 127.0.0.1)
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    SelfSignedCertificate cert = SelfSignedCertificate.forAddresses(List.of(loopback), Instant.now(), new SecureRandom());
    Path keystore = directory.resolve("node.p12");
    try (OutputStream out = Files.newOutputStream(keystore)) {
      TlsContexts.keyStoreOf(cert).store(out, "ringlet".toCharArray());
    }
    ClusterSpec spec = ClusterSpec.defaults().withClusterName("tls-tcp").withNumTokens(4)
        .withClientEncryption(ClientEncryption.keystore(keystore, "ringlet"));
    // internode and native ports 0: each node binds free ones itself; the first is the second's seed
    InetSocketAddress anyPort = new InetSocketAddress(loopback, 0);
    try (ProcessCluster a = ProcessCluster.start(new ProcessCluster.Options(spec, anyPort, List.of(), Duration.ofSeconds(30)));
        ProcessCluster b = ProcessCluster.start(new ProcessCluster.Options(spec, anyPort, List.of(a.internodeAddress()),
            Duration.ofSeconds(30)));
        // When a driver trusting the certificate connects to the seed with hostname validation
        CqlSession session = CqlSession.builder()
            .addContactPoints(a.contactPoints())
            .withLocalDatacenter(a.localDatacenter())
            .withSslEngineFactory(new ProgrammaticSslEngineFactory(
                TlsContexts.context(null, null, TlsContexts.trustStoreOf(cert)), null, true))
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1)).build())
            .build()) {
      // Then it discovers the second node and connects to it over TLS as well
      Await.until(() -> session.getMetadata().getNodes().size() == 2
          && session.getMetadata().getNodes().values().stream()
              .allMatch(n -> n.getState() == NodeState.UP && n.getOpenConnections() > 0));
      assertThat(session.execute("SELECT count(*) FROM system.peers").one().getLong(0)).isEqualTo(1L);
      assertThat(b.contactPoints()).hasSize(1);
    }
  }

}
