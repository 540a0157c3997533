package dev.ringlet.internal.exec.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.auth.PasswordHashing;
import org.junit.jupiter.api.Test;

class DefaultSuperuserHashTest {

  @Test
  void should_be_a_bcrypt_hash_of_cassandra() {
    assertThat(PasswordHashing.isBcrypt(Roles.DEFAULT_SUPERUSER_HASH)).isTrue();
    assertThat(PasswordHashing.check("cassandra", Roles.DEFAULT_SUPERUSER_HASH)).isTrue();
    assertThat(PasswordHashing.check("Cassandra", Roles.DEFAULT_SUPERUSER_HASH)).isFalse();
  }
}
