package dev.ringlet.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PlainSaslTokenTest {

  private static byte[] token(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void should_read_user_and_password_when_no_authorization_id() {
    assertThat(PlainSaslToken.parse(token("\0cassandra\0secret")))
        .isEqualTo(new PlainSaslToken("cassandra", "secret"));
  }

  @Test
  void should_ignore_the_authorization_id() {
    assertThat(PlainSaslToken.parse(token("admin\0bob\0pw"))).isEqualTo(new PlainSaslToken("bob", "pw"));
  }

  @Test
  void should_read_utf8_names() {
    assertThat(PlainSaslToken.parse(token("\0j\u00f6rg\0p\u00e4ss")).username()).isEqualTo("j\u00f6rg");
  }

  @Test
  void should_refuse_a_missing_password() {
    assertThatThrownBy(() -> PlainSaslToken.parse(token("\0bob\0")))
        .isInstanceOf(AuthenticationFailure.class).hasMessage("Password must not be null");
    assertThatThrownBy(() -> PlainSaslToken.parse(token("bob")))
        .isInstanceOf(AuthenticationFailure.class).hasMessage("Password must not be null");
  }

  @Test
  void should_refuse_a_missing_user() {
    assertThatThrownBy(() -> PlainSaslToken.parse(token("pw\0")))
        .hasMessage("Password must not be null");
    assertThatThrownBy(() -> PlainSaslToken.parse(token("\0pw")))
        .isInstanceOf(AuthenticationFailure.class).hasMessage("Authentication ID must not be null");
  }

  @Test
  void should_refuse_more_than_three_fields() {
    assertThatThrownBy(() -> PlainSaslToken.parse(token("a\0b\0c\0d")))
        .isInstanceOf(AuthenticationFailure.class).hasMessageStartingWith("Credential format error");
  }

  @Test
  void should_hide_the_password_in_to_string() {
    assertThat(new PlainSaslToken("bob", "secret").toString()).doesNotContain("secret");
  }
}
