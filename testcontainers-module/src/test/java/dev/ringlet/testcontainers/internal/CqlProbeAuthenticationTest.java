package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The probe's SASL PLAIN login against a real (in-JVM) node with PasswordAuthenticator. */
class CqlProbeAuthenticationTest {

  private static RingletCluster node;
  private static InetSocketAddress address;

  @BeforeAll
  static void start() {
    node = Ringlet.start(ClusterSpec.defaults().withPort(0).withAuthentication(true));
    address = node.contactPoints().get(0);
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  private static CqlProbe connect() throws Exception {
    return CqlProbe.connect(address.getHostString(), address.getPort(), Duration.ofSeconds(5));
  }

  @Test
  void should_log_in_with_the_superuser_and_query() throws Exception {
    try (CqlProbe probe = connect()) {
      probe.startup(ClusterSpec.DEFAULT_SUPERUSER, ClusterSpec.DEFAULT_SUPERUSER_PASSWORD);
      assertThat(probe.query("SELECT release_version FROM system.local"))
          .singleElement().satisfies(row -> assertThat(new String(row.get(0), StandardCharsets.UTF_8))
              .isEqualTo(ClusterSpec.DEFAULT_RELEASE_VERSION));
    }
    assertThat(CqlReadyWaitStrategy.releaseVersion(address.getHostString(), address.getPort(), Duration.ofSeconds(5),
        "cassandra", "cassandra", null)).isEqualTo(ClusterSpec.DEFAULT_RELEASE_VERSION);
  }

  @Test
  void should_report_that_the_server_asks_for_credentials_the_probe_lacks() throws Exception {
    try (CqlProbe probe = connect()) {
      assertThatThrownBy(probe::startup)
          .isInstanceOf(CqlProbeException.class)
          .hasMessage("the server asks for authentication (org.apache.cassandra.auth.PasswordAuthenticator);"
              + " the probe has no credentials");
    }
  }

  @Test
  void should_report_refused_credentials_with_the_servers_code_and_message() throws Exception {
    try (CqlProbe probe = connect()) {
      assertThatThrownBy(() -> probe.startup("cassandra", "wrong"))
          .isInstanceOfSatisfying(CqlServerError.class, e -> assertThat(e.code()).isEqualTo(0x0100))
          .hasMessageContaining("Provided username cassandra and/or password are incorrect");
    }
  }

  @Test
  void should_encode_the_plain_token_as_bytes_holding_nul_user_nul_password() throws Exception {
    byte[] token = CqlProbe.plainToken("ada", "pw");
    assertThat(token).containsExactly(0, 0, 0, 7, 0, 'a', 'd', 'a', 0, 'p', 'w');
  }
}
