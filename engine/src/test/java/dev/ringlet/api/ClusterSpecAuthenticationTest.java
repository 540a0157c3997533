package dev.ringlet.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClusterSpecAuthenticationTest {

  @Test
  void should_default_to_no_authentication() {
    assertThat(ClusterSpec.defaults().authentication()).isFalse();
    assertThat(ClusterSpec.defaults().toString()).contains("authentication=none");
  }

  @Test
  void should_tell_specs_apart_by_authentication() {
    ClusterSpec plain = ClusterSpec.defaults();
    ClusterSpec secured = plain.withAuthentication(true);

    assertThat(secured.authentication()).isTrue();
    assertThat(secured).isNotEqualTo(plain);
    assertThat(secured).isEqualTo(ClusterSpec.defaults().withAuthentication(true));
    assertThat(secured.hashCode()).isEqualTo(ClusterSpec.defaults().withAuthentication(true).hashCode());
    assertThat(secured.toString()).contains("authentication=PasswordAuthenticator");
  }

  @Test
  void should_name_cassandras_default_superuser() {
    assertThat(ClusterSpec.DEFAULT_SUPERUSER).isEqualTo("cassandra");
    assertThat(ClusterSpec.DEFAULT_SUPERUSER_PASSWORD).isEqualTo("cassandra");
  }

  @Test
  void should_keep_authentication_through_other_withers() {
    assertThat(ClusterSpec.defaults().withAuthentication(true).withPort(9999).withClusterName("c").authentication())
        .isTrue();
  }
}
