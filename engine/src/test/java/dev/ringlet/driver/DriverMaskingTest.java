package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.schema.TableMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.type.DataTypes;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dynamic data masking as the driver sees it: masked values for roles without UNMASK (also through
 * one prepared statement before and after a GRANT), clear values for superusers and UNMASK holders,
 * SELECT_MASKED for WHERE restrictions on masked columns, unchanged metadata, and the opt-in.
 */
class DriverMaskingTest {

  private static RingletCluster cluster;
  private static CqlSession admin;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withAuthentication(true).withDynamicDataMasking(true)
        .withUserDefinedFunctions(true));
    admin = login(cluster, "cassandra", "cassandra");
    admin.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    admin.execute("CREATE TABLE ks.users (id int PRIMARY KEY, name text MASKED WITH mask_inner(1, 1),"
        + " card text MASKED WITH mask_outer(0, 4, 'x'), age int MASKED WITH DEFAULT, city text)");
    admin.execute("INSERT INTO ks.users (id, name, card, age, city) VALUES (1, 'Alice', '1234-5678', 42, 'Oslo')");
  }

  @AfterAll
  static void stop() {
    admin.close();
    cluster.close();
  }

  private static CqlSession login(RingletCluster c, String user, String password) {
    var builder = CqlSession.builder().addContactPoints(c.contactPoints()).withLocalDatacenter(c.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30)).build());
    return user == null ? builder.build() : builder.withAuthCredentials(user, password).build();
  }

  @Test
  void should_mask_values_for_a_role_without_unmask_until_it_is_granted() {
    admin.execute("CREATE ROLE reader WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.users TO reader");
    try (CqlSession reader = login(cluster, "reader", "pw")) {
      PreparedStatement ps = reader.prepare("SELECT name, card, age, city FROM ks.users WHERE id = ?");
      Row masked = reader.execute(ps.bind(1)).one();
      assertThat(masked.getString("name")).isEqualTo("A***e");
      assertThat(masked.getString("card")).isEqualTo("1234-xxxx");
      assertThat(masked.getInt("age")).isZero();
      assertThat(masked.getString("city")).isEqualTo("Oslo");
      assertThat(masked.getColumnDefinitions().get("age").getType()).isEqualTo(DataTypes.INT);

      admin.execute("GRANT UNMASK ON ks.users TO reader");
      Row clear = reader.execute(ps.bind(1)).one();
      assertThat(clear.getString("name")).isEqualTo("Alice");
      assertThat(clear.getInt("age")).isEqualTo(42);
    }
    Row superuser = admin.execute("SELECT name, age FROM ks.users WHERE id = 1").one();
    assertThat(superuser.getString("name")).isEqualTo("Alice");
    assertThat(superuser.getInt("age")).isEqualTo(42);
  }

  @Test
  void should_mask_values_before_functions_aggregates_and_json_see_them() {
    admin.execute("CREATE ROLE viewer WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.users TO viewer");
    try (CqlSession viewer = login(cluster, "viewer", "pw")) {
      Row row = viewer.execute("SELECT blobAsText(textAsBlob(name)), writetime(age) FROM ks.users WHERE id = 1").one();
      assertThat(row.getString(0)).isEqualTo("A***e");
      assertThat(row.getLong(1)).isPositive(); // WRITETIME reads no value: not masked
      assertThat(viewer.execute("SELECT max(age), count(name) FROM ks.users").one().getInt(0)).isZero();
      assertThat(viewer.execute("SELECT JSON name FROM ks.users WHERE id = 1").one().getString(0))
          .isEqualTo("{\"name\": \"A***e\"}");
    }
  }

  @Test
  void should_require_select_masked_to_restrict_masked_columns() {
    admin.execute("CREATE ROLE filterer WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.users TO filterer");
    try (CqlSession filterer = login(cluster, "filterer", "pw")) {
      assertThatThrownBy(() -> filterer.execute("SELECT id FROM ks.users WHERE name = 'Alice' ALLOW FILTERING"))
          .isInstanceOf(UnauthorizedException.class)
          .hasMessage("User filterer has no UNMASK nor SELECT_MASKED permission on table ks.users,"
              + " cannot query masked columns [name]");
      assertThat(filterer.execute("SELECT id FROM ks.users WHERE city = 'Oslo' ALLOW FILTERING").one().getInt(0))
          .isEqualTo(1);

      admin.execute("GRANT SELECT_MASKED ON KEYSPACE ks TO filterer");
      Row row = filterer.execute("SELECT id, name FROM ks.users WHERE name = 'Alice' ALLOW FILTERING").one();
      assertThat(row.getInt("id")).isEqualTo(1);
      assertThat(row.getString("name")).isEqualTo("A***e");
    }
  }

  @Test
  void should_keep_the_drivers_metadata_and_show_masks_in_describe_and_system_schema() {
    TableMetadata users = admin.getMetadata().getKeyspace("ks").orElseThrow().getTable("users").orElseThrow();
    assertThat(users.getColumn("name").orElseThrow().getType()).isEqualTo(DataTypes.TEXT);
    assertThat(admin.execute("DESCRIBE TABLE ks.users").one().getString("create_statement"))
        .contains("    name text MASKED WITH system.mask_inner(1, 1)\n")
        .contains("    age int MASKED WITH system.mask_default(),\n");
    Row mask = admin.execute("SELECT function_keyspace, function_name, function_argument_types, function_argument_values"
        + " FROM system_schema.column_masks WHERE keyspace_name = 'ks' AND table_name = 'users' AND column_name = 'card'")
        .one();
    assertThat(mask.getString(0)).isEqualTo("system");
    assertThat(mask.getString(1)).isEqualTo("mask_outer");
    assertThat(mask.getList(2, String.class)).containsExactly("int", "int", "text");
    assertThat(mask.getList(3, String.class)).containsExactly("0", "4", "x");
  }

  @Test
  void should_mask_with_a_user_defined_function_and_drop_the_mask() {
    admin.execute("CREATE FUNCTION ks.stars(x text) CALLED ON NULL INPUT RETURNS text LANGUAGE java AS 'return \"***\";'");
    admin.execute("CREATE TABLE ks.notes (id int PRIMARY KEY, body text MASKED WITH ks.stars())");
    admin.execute("INSERT INTO ks.notes (id, body) VALUES (1, 'secret')");
    admin.execute("CREATE ROLE noter WITH PASSWORD = 'pw' AND LOGIN = true");
    admin.execute("GRANT SELECT ON ks.notes TO noter");
    try (CqlSession noter = login(cluster, "noter", "pw")) {
      assertThat(noter.execute("SELECT body FROM ks.notes WHERE id = 1").one().getString(0)).isEqualTo("***");
      assertThatThrownBy(() -> admin.execute("DROP FUNCTION ks.stars"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Function 'ks.stars' is still referenced by column masks in tables notes");
      admin.execute("ALTER TABLE ks.notes ALTER body DROP MASKED");
      assertThat(noter.execute("SELECT body FROM ks.notes WHERE id = 1").one().getString(0)).isEqualTo("secret");
    }
  }

  @Test
  void should_keep_masks_across_a_restart_of_a_durable_node(@TempDir Path data) {
    ClusterSpec spec = ClusterSpec.defaults().withAuthentication(true).withDynamicDataMasking(true).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster durable = Ringlet.start(spec); CqlSession session = login(durable, "cassandra", "cassandra")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text MASKED WITH mask_inner(null, 2, '#'))");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 'secret')");
      session.execute("CREATE ROLE r WITH PASSWORD = 'pw' AND LOGIN = true");
      session.execute("GRANT SELECT ON ks.t TO r");
    }
    try (RingletCluster durable = Ringlet.start(spec); CqlSession reader = login(durable, "r", "pw")) {
      assertThat(reader.execute("SELECT v FROM ks.t WHERE k = 1").one().getString(0)).isEqualTo("####et");
    }
  }

  @Test
  void should_refuse_masks_unless_enabled_and_mask_nothing_without_authentication() {
    try (RingletCluster plain = Ringlet.start(ClusterSpec.defaults());
         CqlSession session = login(plain, null, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      assertThatThrownBy(() -> session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text MASKED WITH DEFAULT)"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Cannot mask columns because dynamic data masking is not enabled. You can enable it with the"
              + " dynamic_data_masking_enabled property on cassandra.yaml");
    }
    try (RingletCluster open = Ringlet.start(ClusterSpec.defaults().withDynamicDataMasking(true));
         CqlSession session = login(open, null, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text MASKED WITH DEFAULT)");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 'clear')");
      // AllowAllAuthorizer: every user holds UNMASK, as in 5.0
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 1").one().getString(0)).isEqualTo("clear");
      assertThat(session.execute("SELECT v FROM ks.t WHERE v = 'clear' ALLOW FILTERING").all()).hasSize(1);
    }
  }
}
