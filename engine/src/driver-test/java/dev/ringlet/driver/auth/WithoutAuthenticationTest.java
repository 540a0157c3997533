package dev.ringlet.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;

/**
 * The default node is Cassandra with AllowAllAuthenticator: anyone connects (with or without
 * credentials), role statements are refused, and the role manager still keeps the default
 * superuser's row, as Cassandra 5.0 does.
 */
class WithoutAuthenticationTest {

  @Test
  void should_admit_anyone_and_refuse_role_statements() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession anonymous = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build();
        CqlSession withCredentials = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).withAuthCredentials("anyone", "anything").build()) {
      Row cassandra = anonymous.execute("SELECT role, is_superuser, can_login, salted_hash FROM system_auth.roles").one();

      assertThat(cassandra.getString("role")).isEqualTo("cassandra");
      assertThat(cassandra.getBoolean("is_superuser")).isTrue();
      assertThat(cassandra.getString("salted_hash")).startsWith("$2a$10$");
      assertThat(withCredentials.execute("SELECT key FROM system.local").one()).isNotNull();
      assertThatThrownBy(() -> withCredentials.execute("CREATE ROLE r"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("You have to be logged in and not anonymous to perform this request");
    }
  }
}
