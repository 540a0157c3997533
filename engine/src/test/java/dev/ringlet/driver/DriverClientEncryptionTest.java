package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.ssl.ProgrammaticSslEngineFactory;
import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.internal.tls.SelfSignedCertificate;
import dev.ringlet.internal.tls.TlsContexts;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Client-to-node TLS ({@code client_encryption_options}) as the Java driver sees it. */
class DriverClientEncryptionTest {

  @TempDir
  Path directory;

  @Test
  void should_serve_tls_on_every_node_with_hostname_validation_on() {
    // Given a three-node cluster serving a generated certificate
    ClusterSpec spec = ClusterSpec.defaults().withNodes(3).withClientEncryption(ClientEncryption.selfSigned());
    try (RingletCluster cluster = Ringlet.start(spec);
        // When a driver connects over TLS, validating host names against the certificate
        CqlSession session = tls(cluster, cluster.clientSslContext()).build()) {
      // Then it reaches every node and runs statements
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 'secret')");
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 1").one().getString("v")).isEqualTo("secret");
      assertThat(session.getMetadata().getNodes().values()).hasSize(3)
          .allSatisfy(node -> assertThat(node.getOpenConnections()).isPositive());
    }
  }

  @Test
  void should_refuse_a_certificate_that_does_not_name_the_node_when_hostname_validation_is_on() throws Exception {
    // Given a node serving a keystore whose certificate names another host only
    SelfSignedCertificate elsewhere = SelfSignedCertificate.generate("elsewhere", List.of(), List.of("elsewhere.invalid"),
        Instant.now().minusSeconds(60), Duration.ofDays(1), new SecureRandom());
    Path keystore = write(TlsContexts.keyStoreOf(elsewhere), "ringlet", "ks.p12");
    SSLContext trusting = TlsContexts.context(null, null, TlsContexts.trustStoreOf(elsewhere));
    ClusterSpec spec = ClusterSpec.defaults().withClientEncryption(ClientEncryption.keystore(keystore, "ringlet"));
    try (RingletCluster cluster = Ringlet.start(spec)) {
      // When a driver that trusts the certificate validates host names, it refuses the node
      assertThatThrownBy(() -> tls(cluster, trusting).build()).isInstanceOf(AllNodesFailedException.class);
      // Then without validation the same certificate is accepted: only the name was wrong
      try (CqlSession session = CqlSession.builder()
          .addContactPoints(cluster.contactPoints())
          .withLocalDatacenter(cluster.localDatacenter())
          .withSslEngineFactory(new ProgrammaticSslEngineFactory(trusting, null, false))
          .withConfigLoader(QUICK)
          .build()) {
        assertThat(session.execute("SELECT release_version FROM system.local").one().getString(0)).isEqualTo("5.0.9");
      }
    }
  }

  @Test
  void should_serve_a_jks_keystore_and_require_client_certificates_from_its_truststore() throws Exception {
    // Given a node with a JKS keystore that requires client certificates from a PKCS12 truststore
    Instant now = Instant.now();
    SelfSignedCertificate server = SelfSignedCertificate.forAddresses(List.of(InetAddress.getByName("127.0.0.1")), now,
        new SecureRandom());
    SelfSignedCertificate client = SelfSignedCertificate.generate("client", List.of(), List.of("client"), now.minusSeconds(60),
        Duration.ofDays(1), new SecureRandom());
    KeyStore serverJks = KeyStore.getInstance("JKS");
    serverJks.load(null, null);
    serverJks.setKeyEntry("node", server.keyPair().getPrivate(), "secret".toCharArray(), new Certificate[] {server.certificate()});
    Path keystore = write(serverJks, "secret", "node.jks");
    Path truststore = write(TlsContexts.trustStoreOf(client), "ringlet", "clients.p12");
    ClusterSpec spec = ClusterSpec.defaults().withClientEncryption(ClientEncryption.keystore(keystore, "secret")
        .withTruststore(truststore, "ringlet").withRequireClientAuth(true));
    try (RingletCluster cluster = Ringlet.start(spec)) {
      KeyStore trustServer = TlsContexts.trustStoreOf(server);
      // When a client trusting the node presents no certificate, its handshake is refused
      assertThatThrownBy(() -> tls(cluster, TlsContexts.context(null, null, trustServer)).build())
          .isInstanceOf(AllNodesFailedException.class);
      // Then with a certificate the node trusts it connects
      SSLContext withCertificate = TlsContexts.context(TlsContexts.keyStoreOf(client), TlsContexts.generatedPassword(), trustServer);
      try (CqlSession session = tls(cluster, withCertificate).build()) {
        assertThat(session.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
      }
      // And the cluster handle has no client context for a keystore it did not make
      assertThatThrownBy(cluster::clientSslContext).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("serves the certificate of " + keystore);
    }
  }

  @Test
  void should_require_the_generated_client_certificate_when_client_auth_is_required() throws Exception {
    ClusterSpec spec = ClusterSpec.defaults()
        .withClientEncryption(ClientEncryption.selfSigned().withRequireClientAuth(true));
    try (RingletCluster cluster = Ringlet.start(spec)) {
      // A client that trusts the node but presents no certificate is refused
      SelfSignedCertificate unrelated = SelfSignedCertificate.forAddresses(List.of(InetAddress.getByName("127.0.0.1")),
          Instant.now(), new SecureRandom());
      SSLContext wrongCertificate = TlsContexts.context(TlsContexts.keyStoreOf(unrelated), TlsContexts.generatedPassword(),
          null);
      assertThatThrownBy(() -> tls(cluster, wrongCertificate).build()).isInstanceOf(AllNodesFailedException.class);
      // The cluster's own client context presents the trusted certificate
      try (CqlSession session = tls(cluster, cluster.clientSslContext()).build()) {
        assertThat(session.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
      }
    }
  }

  @Test
  void should_accept_plain_and_tls_clients_on_one_port_when_optional() {
    ClusterSpec spec = ClusterSpec.defaults().withNodes(2)
        .withClientEncryption(ClientEncryption.selfSigned().withOptional(true));
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession encrypted = tls(cluster, cluster.clientSslContext()).build();
        CqlSession plain = plain(cluster).build()) {
      encrypted.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
      encrypted.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      encrypted.execute("INSERT INTO ks.t (k, v) VALUES (1, 'over tls')");
      assertThat(plain.execute("SELECT v FROM ks.t WHERE k = 1").one().getString("v")).isEqualTo("over tls");
      for (CqlSession s : List.of(encrypted, plain)) {
        assertThat(s.getMetadata().getNodes().values()).extracting(Node::getOpenConnections).allMatch(c -> c > 0);
      }
    }
  }

  @Test
  void should_refuse_a_plain_client_on_a_tls_only_node_without_disturbing_tls_clients() {
    ClusterSpec spec = ClusterSpec.defaults().withClientEncryption(ClientEncryption.selfSigned());
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession encrypted = tls(cluster, cluster.clientSslContext()).build()) {
      // the node took the connection and reset it (a port nothing listens on fails the send instead)
      assertThatThrownBy(() -> plain(cluster).build()).isInstanceOf(AllNodesFailedException.class)
          .hasMessageContaining("Unexpected error on channel");
      // as 5.0.9 (SO_LINGER 0): reset, which cqlsh's Python driver reports at once (a plain close made it wait
      // for its 5 s connect timeout)
      java.net.InetSocketAddress node = cluster.contactPoints().iterator().next();
      try (java.net.Socket socket = new java.net.Socket(node.getAddress(), node.getPort())) {
        socket.setSoTimeout(10_000); // a node that never closed would fail the assertion, not hang
        socket.getOutputStream().write(new byte[] {4, 0, 0, 0, 5, 0, 0, 0, 0}); // a v4 OPTIONS frame
        assertThatThrownBy(() -> socket.getInputStream().read()).isInstanceOf(java.net.SocketException.class)
            .hasMessageContaining("Connection reset");
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }

      assertThat(encrypted.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
      try (CqlSession another = tls(cluster, cluster.clientSslContext()).build()) {
        assertThat(another.execute("SELECT key FROM system.local").one().getString(0)).isEqualTo("local");
      }
    }
  }

  @Test
  void should_fail_to_start_with_a_wrong_keystore_password_or_a_missing_file() throws Exception {
    SelfSignedCertificate cert = SelfSignedCertificate.forAddresses(List.of(InetAddress.getByName("127.0.0.1")),
        Instant.now(), new SecureRandom());
    Path keystore = write(TlsContexts.keyStoreOf(cert), "ringlet", "node.p12");

    assertThatThrownBy(() -> Ringlet.start(ClusterSpec.defaults()
        .withClientEncryption(ClientEncryption.keystore(keystore, "wrong"))).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("client_encryption_options keystore: cannot load " + keystore);
    Path missing = directory.resolve("missing.p12");
    assertThatThrownBy(() -> Ringlet.start(ClusterSpec.defaults()
        .withClientEncryption(ClientEncryption.keystore(missing, "ringlet"))).close())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("client_encryption_options keystore: " + missing + " (expected: a readable PKCS12 or JKS file)");
  }

  @Test
  void should_have_no_client_context_when_the_cluster_serves_plain_connections() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults())) {
      assertThatThrownBy(cluster::clientSslContext).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the cluster serves plain connections");
    }
  }

  /** A driver validating host names against the node's certificate. */
  private static CqlSessionBuilder tls(RingletCluster cluster, SSLContext context) {
    return plain(cluster).withSslEngineFactory(new ProgrammaticSslEngineFactory(context, null, true));
  }

  private static CqlSessionBuilder plain(RingletCluster cluster) {
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(QUICK);
  }

  /** Short debounce windows and a quick close, so refused sessions and DDL do not cost seconds. */
  private static final DriverConfigLoader QUICK = DriverConfigLoader.programmaticBuilder()
      .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
      .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL, Duration.ofMillis(5))
      .withString(DefaultDriverOption.NETTY_IO_SHUTDOWN_UNIT, "MILLISECONDS")
      .withInt(DefaultDriverOption.NETTY_IO_SHUTDOWN_QUIET_PERIOD, 10)
      .withString(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_UNIT, "MILLISECONDS")
      .withInt(DefaultDriverOption.NETTY_ADMIN_SHUTDOWN_QUIET_PERIOD, 10)
      .build();

  private Path write(KeyStore store, String password, String name) throws Exception {
    Path file = directory.resolve(name);
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, password.toCharArray());
    }
    return file;
  }
}
