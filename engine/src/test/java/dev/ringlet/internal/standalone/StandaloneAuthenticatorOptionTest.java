package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneAuthenticatorOptionTest {

  @Test
  void should_not_require_login_by_default() {
    assertThat(StandaloneOptions.parse(List.of()).spec().authentication()).isFalse();
  }

  @Test
  void should_accept_cassandras_authenticator_names() {
    assertThat(StandaloneOptions.parse(List.of("--authenticator", "PasswordAuthenticator")).spec().authentication()).isTrue();
    assertThat(StandaloneOptions.parse(List.of("--authenticator=org.apache.cassandra.auth.PasswordAuthenticator"))
        .spec().authentication()).isTrue();
    assertThat(StandaloneOptions.parse(List.of("--authenticator", "AllowAllAuthenticator")).spec().authentication()).isFalse();
  }

  @Test
  void should_refuse_an_unknown_authenticator() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--authenticator", "LdapAuthenticator")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--authenticator: LdapAuthenticator (expected: AllowAllAuthenticator or PasswordAuthenticator)");
  }
}
