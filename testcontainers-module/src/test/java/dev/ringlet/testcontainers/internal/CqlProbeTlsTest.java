package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClientEncryption;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readiness probe over TLS against a real (in-JVM) node serving CQL only over TLS with a keystore
 * made by the JDK's keytool: it trusts exactly the keystore's certificate.
 */
class CqlProbeTlsTest {

  private static final String PASSWORD = "changeit";

  @TempDir
  static Path dir;

  private static Path keystore;
  private static RingletCluster node;
  private static InetSocketAddress address;

  @BeforeAll
  static void start() throws Exception {
    keystore = keytool(dir.resolve("node.p12"), "CN=ringlet-node");
    node = Ringlet.start(ClusterSpec.defaults().withPort(0)
        .withClientEncryption(ClientEncryption.keystore(keystore, PASSWORD)));
    address = node.contactPoints().get(0);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  @Test
  void should_prove_a_tls_node_ready_trusting_its_keystore() throws Exception {
    TlsTrust trust = TlsTrust.of(keystore, PASSWORD);
    assertThat(CqlReadyWaitStrategy.releaseVersion(address.getHostString(), address.getPort(), Duration.ofSeconds(5),
        null, null, trust.sslContext())).isEqualTo(ClusterSpec.DEFAULT_RELEASE_VERSION);
  }

  @Test
  void should_refuse_a_node_whose_certificate_another_keystore_holds() throws Exception {
    TlsTrust stranger = TlsTrust.of(keytool(dir.resolve("other.p12"), "CN=someone-else"), PASSWORD);
    assertThatThrownBy(() -> CqlProbe.connect(address.getHostString(), address.getPort(), Duration.ofSeconds(5),
        stranger.sslContext())).isInstanceOf(SSLException.class);
  }

  @Test
  void should_say_which_keystore_cannot_be_read() {
    assertThatThrownBy(() -> TlsTrust.of(keystore, "wrong"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(keystore.toString());
  }

  /** A PKCS12 keystore with one self-signed RSA key and certificate, made by the JDK's keytool. */
  private static Path keytool(Path file, String dname) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "node", "-keyalg", "RSA",
        "-keysize", "2048", "-validity", "2", "-dname", dname, "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD, "-noprompt"))
        .redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isRegularFile(file)) {
      throw new IOException("keytool failed: " + output);
    }
    return file;
  }
}
