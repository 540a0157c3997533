package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClientEncryption;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneTlsOptionsTest {

  @Test
  void should_serve_plain_connections_without_tls_options() {
    assertThat(StandaloneOptions.parse(List.of()).spec().clientEncryption()).isNull();
  }

  @Test
  void should_turn_the_tls_options_into_client_encryption() {
    ClientEncryption e = StandaloneOptions.parse(List.of("--tls-keystore", "/etc/ringlet/node.p12",
        "--tls-keystore-password=secret", "--tls-optional", "--tls-require-client-auth",
        "--tls-truststore", "/etc/ringlet/clients.jks", "--tls-truststore-password", "trust")).spec().clientEncryption();

    assertThat(e).isEqualTo(ClientEncryption.keystore(Path.of("/etc/ringlet/node.p12"), "secret")
        .withTruststore(Path.of("/etc/ringlet/clients.jks"), "trust").withOptional(true).withRequireClientAuth(true));
  }

  @Test
  void should_carry_tls_to_a_node_of_a_multi_process_cluster() {
    StandaloneOptions options = StandaloneOptions.parse(List.of("--seeds", "127.0.0.1:7000", "--tls-keystore", "node.p12",
        "--tls-keystore-password", "secret"));

    assertThat(options.process().spec().clientEncryption()).isEqualTo(ClientEncryption.keystore(Path.of("node.p12"), "secret"));
  }

  @Test
  void should_refuse_incomplete_tls_options() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--tls-optional")))
        .hasMessage("--tls-* options need --tls-keystore");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--tls-keystore", "k.p12")))
        .hasMessage("--tls-keystore needs --tls-keystore-password");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--tls-keystore", "k.p12", "--tls-keystore-password", "p",
        "--tls-require-client-auth")))
        .hasMessage("--tls-require-client-auth needs --tls-truststore (the trusted client certificates)");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--tls-keystore", "k.p12", "--tls-keystore-password", "p",
        "--tls-truststore", "t.p12")))
        .hasMessage("--tls-truststore and --tls-truststore-password go together");
  }

  @Test
  void should_document_every_tls_option_in_the_usage() {
    assertThat(StandaloneOptions.USAGE).contains("--tls-keystore FILE", "--tls-keystore-password", "--tls-optional",
        "--tls-require-client-auth", "--tls-truststore FILE", "--tls-truststore-password");
  }
}
