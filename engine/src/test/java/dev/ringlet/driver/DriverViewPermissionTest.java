package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Materialized view DDL and reads of a non-superuser with PasswordAuthenticator and
 * CassandraAuthorizer, as 5.0 checks them: ALTER on the base table for CREATE, ALTER and DROP
 * MATERIALIZED VIEW, SELECT on the base table to read a view.
 */
class DriverViewPermissionTest {

  private static RingletCluster cluster;
  private static CqlSession admin;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withAuthentication(true).withMaterializedViews(true));
    admin = login("cassandra", "cassandra");
    admin.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    admin.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
    admin.execute("INSERT INTO ks.t (k, v) VALUES (1, 10)");
  }

  @AfterAll
  static void stop() {
    admin.close();
    cluster.close();
  }

  private static CqlSession login(String user, String password) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter()).withAuthCredentials(user, password)
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  @Test
  void should_let_a_role_with_alter_on_the_base_table_create_alter_and_drop_a_view() {
    admin.execute("CREATE ROLE viewer WITH PASSWORD = 'pw' AND LOGIN = true");
    String create = "CREATE MATERIALIZED VIEW ks.by_v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL"
        + " PRIMARY KEY (v, k)";
    try (CqlSession viewer = login("viewer", "pw")) {
      assertThatThrownBy(() -> viewer.execute(create))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User viewer has no ALTER permission on <table ks.t> or any of its parents");

      admin.execute("GRANT ALTER ON ks.t TO viewer");
      viewer.execute(create);
      // the creator of a view gets no permissions on it (5.0 grants them for CREATE TABLE only)
      assertThat(admin.execute("SELECT resource FROM system_auth.role_permissions WHERE role = 'viewer'")
          .all().stream().map(r -> r.getString(0))).containsExactly("data/ks/t");

      viewer.execute("ALTER MATERIALIZED VIEW ks.by_v WITH comment = 'mine'");
      admin.execute("REVOKE ALTER ON ks.t FROM viewer");
      assertThatThrownBy(() -> viewer.execute("ALTER MATERIALIZED VIEW ks.by_v WITH comment = 'x'"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User viewer has no ALTER permission on <table ks.t> or any of its parents");
      assertThatThrownBy(() -> viewer.execute("DROP MATERIALIZED VIEW ks.by_v"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User viewer has no ALTER permission on <table ks.t> or any of its parents");

      admin.execute("GRANT ALTER ON ks.t TO viewer");
      viewer.execute("DROP MATERIALIZED VIEW ks.by_v");
    }
    assertThat(admin.execute("SELECT view_name FROM system_schema.views WHERE keyspace_name = 'ks'").all()).isEmpty();
  }

  @Test
  void should_need_select_on_the_base_table_to_read_a_view() {
    admin.execute("CREATE MATERIALIZED VIEW ks.by_v2 AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL"
        + " PRIMARY KEY (v, k)");
    admin.execute("CREATE ROLE reader WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.by_v2 TO reader");
    try (CqlSession reader = login("reader", "pw")) {
      assertThatThrownBy(() -> reader.execute("SELECT * FROM ks.by_v2"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User reader has no SELECT permission on <table ks.t> or any of its parents");

      admin.execute("GRANT SELECT ON ks.t TO reader");
      assertThat(reader.execute("SELECT k FROM ks.by_v2 WHERE v = 10").one().getInt(0)).isEqualTo(1);
    }
    admin.execute("DROP MATERIALIZED VIEW ks.by_v2");
  }
}
