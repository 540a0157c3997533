package dev.ringlet.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHashingTest {

  @Test
  void should_hash_with_bcrypt_cost_10_and_a_fresh_salt() {
    String first = PasswordHashing.hash("secret");
    String second = PasswordHashing.hash("secret");

    assertThat(first).startsWith("$2a$10$").hasSize(60);
    assertThat(first).isNotEqualTo(second);
    assertThat(PasswordHashing.isBcrypt(first)).isTrue();
  }

  @Test
  void should_check_the_right_password_only() {
    String hash = PasswordHashing.hash("secret");

    assertThat(PasswordHashing.check("secret", hash)).isTrue();
    assertThat(PasswordHashing.check("Secret", hash)).isFalse();
  }

  @Test
  void should_refuse_what_is_not_a_bcrypt_hash() {
    assertThat(PasswordHashing.check("x", "not a hash")).isFalse();
    assertThat(PasswordHashing.check("x", null)).isFalse();
    assertThat(PasswordHashing.isBcrypt("$2a$10$short")).isFalse();
  }
}
