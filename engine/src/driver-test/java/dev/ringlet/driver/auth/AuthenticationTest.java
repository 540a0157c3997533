package dev.ringlet.driver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A node started with {@code withAuthentication(true)} behaves as Cassandra with
 * PasswordAuthenticator and CassandraAuthorizer, seen through the driver's PlainTextAuthProvider.
 */
class AuthenticationTest {

  private static RingletCluster cluster;
  private static CqlSession admin;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withAuthentication(true));
    admin = login("cassandra", "cassandra");
  }

  @AfterAll
  static void stop() {
    if (admin != null) {
      admin.close();
    }
    cluster.close();
  }

  private static CqlSession login(String user, String password) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withAuthCredentials(user, password).build();
  }

  private static Throwable connectError(com.datastax.oss.driver.api.core.CqlSessionBuilder builder) {
    AllNodesFailedException failed = (AllNodesFailedException) org.assertj.core.api.Assertions.catchThrowable(builder::build);
    assertThat(failed).isNotNull();
    return failed.getAllErrors().values().iterator().next().get(0);
  }

  @Test
  void should_let_the_default_superuser_in() {
    Row row = admin.execute("SELECT release_version FROM system.local").one();

    assertThat(row.getString(0)).isEqualTo("5.0.9");
  }

  @Test
  void should_refuse_a_driver_without_credentials() {
    Throwable error = connectError(CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()));

    assertThat(error).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("requires authentication (org.apache.cassandra.auth.PasswordAuthenticator)");
  }

  @Test
  void should_refuse_a_wrong_password_with_cassandras_message() {
    Throwable error = connectError(CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).withAuthCredentials("cassandra", "nope"));

    assertThat(error).isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("Provided username cassandra and/or password are incorrect");
  }

  @Test
  void should_store_the_default_superuser_with_a_bcrypt_hash() {
    Row row = admin.execute("SELECT role, is_superuser, can_login, salted_hash FROM system_auth.roles WHERE role = 'cassandra'").one();

    assertThat(row.getBoolean("is_superuser")).isTrue();
    assertThat(row.getBoolean("can_login")).isTrue();
    assertThat(row.getString("salted_hash")).startsWith("$2a$10$");
  }

  @Test
  void should_create_log_in_alter_and_drop_a_role() {
    admin.execute("CREATE ROLE life WITH PASSWORD = 'one' AND LOGIN = true");
    try (CqlSession life = login("life", "one")) {
      assertThat(life.execute("SELECT key FROM system.local").one()).isNotNull();
    }

    admin.execute("ALTER ROLE life WITH PASSWORD = 'two'");
    assertThat(connectError(builder("life", "one"))).hasMessageContaining("Provided username life and/or password are incorrect");
    try (CqlSession life = login("life", "two")) {
      assertThat(life.execute("SELECT key FROM system.local").one()).isNotNull();
    }

    admin.execute("ALTER ROLE life WITH LOGIN = false");
    assertThat(connectError(builder("life", "two"))).hasMessageContaining("life is not permitted to log in");

    admin.execute("DROP ROLE life");
    assertThat(connectError(builder("life", "two"))).hasMessageContaining("Provided username life and/or password are incorrect");
    assertThat(admin.execute("SELECT role FROM system_auth.roles WHERE role = 'life'").one()).isNull();
  }

  private static com.datastax.oss.driver.api.core.CqlSessionBuilder builder(String user, String password) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withAuthCredentials(user, password);
  }

  @Test
  void should_list_roles_and_users_with_cassandras_columns() {
    admin.execute("CREATE ROLE IF NOT EXISTS lister_group");
    admin.execute("CREATE USER IF NOT EXISTS lister_user WITH PASSWORD 'pw' NOSUPERUSER");
    admin.execute("GRANT lister_group TO lister_user");

    List<String> roles = admin.execute("LIST ROLES").all().stream()
        .map(r -> r.getString("role") + " super=" + r.getBoolean("super") + " login=" + r.getBoolean("login")
            + " options=" + r.getMap("options", String.class, String.class) + " dc=" + r.getString("datacenters"))
        .filter(s -> s.startsWith("lister") || s.startsWith("cassandra"))
        .collect(Collectors.toList());
    List<String> users = admin.execute("LIST USERS").all().stream()
        .map(r -> r.getString("name") + " super=" + r.getBoolean("super"))
        .filter(s -> s.startsWith("lister") || s.startsWith("cassandra"))
        .collect(Collectors.toList());
    List<String> of = admin.execute("LIST ROLES OF lister_user").all().stream()
        .map(r -> r.getString("role")).collect(Collectors.toList());

    assertThat(roles).containsExactly(
        "cassandra super=true login=true options={} dc=ALL",
        "lister_group super=false login=false options={} dc=ALL",
        "lister_user super=false login=true options={} dc=ALL");
    assertThat(users).containsExactly("cassandra super=true", "lister_user super=false");
    assertThat(of).containsExactly("lister_group", "lister_user");
    assertThat(admin.execute("SELECT member FROM system_auth.role_members WHERE role = 'lister_group'").one().getString(0))
        .isEqualTo("lister_user");
  }

  @Test
  void should_refuse_role_management_to_a_non_superuser() {
    admin.execute("CREATE ROLE IF NOT EXISTS plain WITH PASSWORD = 'pw' AND LOGIN = true");
    try (CqlSession plain = login("plain", "pw")) {
      assertThatThrownBy(() -> plain.execute("CREATE ROLE other"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User plain does not have sufficient privileges to perform the requested operation");
      assertThatThrownBy(() -> plain.execute("ALTER ROLE plain WITH SUPERUSER = true"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("You aren't allowed to alter your own superuser status or that of a role granted to you");
      // A role may change its own password.
      plain.execute("ALTER ROLE plain WITH PASSWORD = 'pw'");
    }
  }

  @Test
  void should_check_permissions_on_tables_and_follow_grants() {
    admin.execute("CREATE KEYSPACE IF NOT EXISTS perms WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    admin.execute("CREATE TABLE IF NOT EXISTS perms.t (k int PRIMARY KEY, v text)");
    admin.execute("CREATE ROLE IF NOT EXISTS reader WITH PASSWORD = 'pw' AND LOGIN = true");
    try (CqlSession reader = login("reader", "pw")) {
      assertThatThrownBy(() -> reader.execute("SELECT * FROM perms.t"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User reader has no SELECT permission on <table perms.t> or any of its parents");

      admin.execute("GRANT SELECT ON KEYSPACE perms TO reader");
      assertThat(reader.execute("SELECT * FROM perms.t").all()).isEmpty();
      assertThatThrownBy(() -> reader.execute("INSERT INTO perms.t (k, v) VALUES (1, 'x')"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User reader has no MODIFY permission on <table perms.t> or any of its parents");
      assertThat(admin.execute("LIST ALL PERMISSIONS OF reader").all())
          .extracting(r -> r.getString("role") + " " + r.getString("resource") + " " + r.getString("permission"))
          .containsExactly("reader <keyspace perms> SELECT");

      admin.execute("REVOKE SELECT ON KEYSPACE perms FROM reader");
      assertThatThrownBy(() -> reader.execute("SELECT * FROM perms.t")).isInstanceOf(UnauthorizedException.class);
    }
  }

  @Test
  void should_answer_role_errors_as_cassandra() {
    assertThatThrownBy(() -> admin.execute("DROP ROLE nobody"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("nobody doesn't exist");
    assertThatThrownBy(() -> admin.execute("DROP ROLE cassandra"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Cannot DROP primary role for current login");
    admin.execute("CREATE ROLE IF NOT EXISTS twice");
    assertThatThrownBy(() -> admin.execute("CREATE ROLE twice"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("twice already exists");
    assertThatThrownBy(() -> admin.execute("GRANT twice TO twice"))
        .isInstanceOf(InvalidQueryException.class).hasMessage("twice is a member of twice");
  }
}
