package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EXECUTE on user-defined functions and aggregates, and the function and index DDL of a
 * non-superuser, as the driver sees them with PasswordAuthenticator and CassandraAuthorizer.
 */
class DriverFunctionPermissionTest {

  private static RingletCluster cluster;
  private static CqlSession admin;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withAuthentication(true).withUserDefinedFunctions(true));
    admin = login("cassandra", "cassandra");
    admin.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    admin.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
    admin.execute("INSERT INTO ks.t (k, v) VALUES (1, 10)");
    admin.execute("CREATE FUNCTION ks.twice(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x * 2;'");
    admin.execute("CREATE FUNCTION ks.acc(s int, x int) CALLED ON NULL INPUT RETURNS int LANGUAGE java"
        + " AS 'return s + (x == null ? 0 : x);'");
    admin.execute("CREATE AGGREGATE ks.total(int) SFUNC acc STYPE int INITCOND 0");
  }

  @AfterAll
  static void stop() {
    admin.close();
    cluster.close();
  }

  private static CqlSession login(String user, String password) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).withAuthCredentials(user, password)
        // compiling a Java body with javac takes a few seconds the first time in a cold JVM
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build())
        .build();
  }

  @Test
  void should_require_execute_on_a_function_for_every_execution_of_a_prepared_statement() {
    admin.execute("CREATE ROLE caller WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.t TO caller");
    try (CqlSession caller = login("caller", "pw")) {
      PreparedStatement ps = caller.prepare("SELECT ks.twice(v) FROM ks.t WHERE k = ?");
      assertThatThrownBy(() -> caller.execute(ps.bind(1)))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User caller has no EXECUTE permission on <function ks.twice(int)> or any of its parents");

      admin.execute("GRANT EXECUTE ON FUNCTION ks.twice(int) TO caller");
      assertThat(caller.execute(ps.bind(1)).one().getInt(0)).isEqualTo(20);

      admin.execute("REVOKE EXECUTE ON FUNCTION ks.twice(int) FROM caller");
      assertThatThrownBy(() -> caller.execute(ps.bind(1))).isInstanceOf(UnauthorizedException.class);
    }
    assertThat(admin.execute("SELECT resource FROM system_auth.role_permissions WHERE role = 'caller'")
        .all().stream().map(r -> r.getString(0)))
        .containsExactly("data/ks/t");
  }

  @Test
  void should_require_execute_on_an_aggregate_and_its_state_function() {
    admin.execute("CREATE ROLE summer WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.t TO summer");
    admin.execute("GRANT EXECUTE ON FUNCTION ks.total(int) TO summer");
    try (CqlSession summer = login("summer", "pw")) {
      assertThatThrownBy(() -> summer.execute("SELECT ks.total(v) FROM ks.t WHERE k = 1"))
          .hasMessage("User summer has no EXECUTE permission on <function ks.acc(int, int)> or any of its parents");
      admin.execute("GRANT EXECUTE ON ALL FUNCTIONS IN KEYSPACE ks TO summer");
      assertThat(summer.execute("SELECT ks.total(v) FROM ks.t WHERE k = 1").one().getInt(0)).isEqualTo(10);
    }
  }

  @Test
  void should_let_a_creator_use_alter_and_drop_its_function_and_forget_it_when_dropped() {
    admin.execute("CREATE ROLE author WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.t TO author");
    try (CqlSession author = login("author", "pw")) {
      assertThatThrownBy(() -> author.execute(
          "CREATE FUNCTION ks.inc(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x + 1;'"))
          .hasMessage("User author has no CREATE permission on <all functions in ks> or any of its parents");
      admin.execute("GRANT CREATE ON ALL FUNCTIONS IN KEYSPACE ks TO author");
      author.execute("CREATE FUNCTION ks.inc(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x + 1;'");
      assertThat(author.execute("SELECT ks.inc(v) FROM ks.t WHERE k = 1").one().getInt(0)).isEqualTo(11);
      assertThat(admin.execute("LIST ALL PERMISSIONS ON FUNCTION ks.inc(int)").all().stream()
          .filter(r -> r.getString("role").equals("author") && r.getString("resource").equals("<function ks.inc(int)>"))
          .map(r -> r.getString("permission")))
          .containsExactly("ALTER", "DROP", "AUTHORIZE", "EXECUTE");
      assertThatThrownBy(() -> author.execute("DROP FUNCTION ks.twice(int)"))
          .hasMessage("User author has no DROP permission on <function ks.twice(int)> or any of its parents");
      author.execute("DROP FUNCTION ks.inc(int)");
    }
    assertThat(admin.execute("SELECT resource FROM system_auth.role_permissions WHERE role = 'author'")
        .all().stream().map(r -> r.getString(0)))
        .containsExactlyInAnyOrder("data/ks/t", "functions/ks");
  }

  @Test
  void should_require_alter_on_the_table_to_create_and_drop_an_index() {
    admin.execute("CREATE TABLE ks.indexed (k int PRIMARY KEY, v int)");
    admin.execute("CREATE ROLE indexer WITH PASSWORD = 'pw' AND LOGIN = true");
    try (CqlSession indexer = login("indexer", "pw")) {
      assertThatThrownBy(() -> indexer.execute("CREATE INDEX indexed_v ON ks.indexed (v)"))
          .hasMessage("User indexer has no ALTER permission on <table ks.indexed> or any of its parents");
      admin.execute("GRANT ALTER ON ks.indexed TO indexer");
      indexer.execute("CREATE INDEX indexed_v ON ks.indexed (v)");
      admin.execute("REVOKE ALTER ON ks.indexed FROM indexer");
      assertThatThrownBy(() -> indexer.execute("DROP INDEX ks.indexed_v"))
          .hasMessage("User indexer has no ALTER permission on <table ks.indexed> or any of its parents");
      admin.execute("GRANT ALTER ON KEYSPACE ks TO indexer");
      indexer.execute("DROP INDEX ks.indexed_v");
    }
  }
}
