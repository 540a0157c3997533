package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListener;
import com.datastax.oss.driver.api.core.metadata.schema.SchemaChangeListenerBase;
import com.datastax.oss.driver.api.core.metadata.schema.ViewMetadata;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Materialized views through the driver on one node: the toggle, DDL, metadata, events and maintenance. */
class DriverMaterializedViewTest {

  @TempDir
  Path data;

  private static CqlSession connect(RingletCluster cluster, SchemaChangeListener listener) {
    return CqlSession.builder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withSchemaChangeListener(listener)
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withClass(DefaultDriverOption.TIMESTAMP_GENERATOR_CLASS,
                com.datastax.oss.driver.internal.core.time.ServerSideTimestampGenerator.class)
            .build())
        .build();
  }

  private static List<String> rows(CqlSession session, String query) {
    List<String> out = new ArrayList<>();
    for (Row r : session.execute(query)) {
      List<String> values = new ArrayList<>();
      for (int i = 0; i < r.getColumnDefinitions().size(); i++) {
        Object v = r.getObject(i);
        values.add(String.valueOf(v));
      }
      out.add(String.join(",", values));
    }
    return out;
  }

  @Test
  void should_keep_the_base_tables_descending_clustering_order_unless_the_view_names_one() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withMaterializedViews(true));
        CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (p int, c int, v text, PRIMARY KEY (p, c)) WITH CLUSTERING ORDER BY (c DESC)");
      session.execute("CREATE MATERIALIZED VIEW ks.by_v AS SELECT p, c, v FROM ks.t"
          + " WHERE v IS NOT NULL AND p IS NOT NULL AND c IS NOT NULL PRIMARY KEY (v, p, c)");
      session.execute("CREATE MATERIALIZED VIEW ks.by_v_asc AS SELECT p, c, v FROM ks.t"
          + " WHERE v IS NOT NULL AND p IS NOT NULL AND c IS NOT NULL PRIMARY KEY (v, p, c) WITH CLUSTERING ORDER BY (p ASC, c ASC)");
      for (int c = 1; c <= 3; c++) {
        session.execute("INSERT INTO ks.t (p, c, v) VALUES (1, " + c + ", 'x')");
      }

      // 5.0.9's DESCRIBE (recorded with cqlsh): the view's c keeps the base table's DESC
      String describe = session.execute("DESCRIBE MATERIALIZED VIEW ks.by_v").one().getString("create_statement");
      assertThat(describe).contains("WITH CLUSTERING ORDER BY (p ASC, c DESC)");
      assertThat(rows(session, "SELECT c FROM ks.by_v WHERE v = 'x'")).containsExactly("3", "2", "1");
      assertThat(session.execute("DESCRIBE MATERIALIZED VIEW ks.by_v_asc").one().getString("create_statement"))
          .contains("WITH CLUSTERING ORDER BY (p ASC, c ASC)");
      assertThat(rows(session, "SELECT c FROM ks.by_v_asc WHERE v = 'x'")).containsExactly("1", "2", "3");
    }
  }

  @Test
  void should_refuse_views_with_cassandras_message_when_disabled() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      assertThatThrownBy(() -> session.execute(
          "CREATE MATERIALIZED VIEW ks.v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k)"))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("Materialized views are disabled. Enable in cassandra.yaml to use.");
    }
  }

  @Test
  void should_create_a_view_with_the_warning_show_it_in_metadata_and_build_it_from_existing_rows() {
    List<String> events = new ArrayList<>();
    SchemaChangeListener listener = new SchemaChangeListenerBase() {
      @Override
      public void onViewCreated(ViewMetadata view) {
        events.add("created " + view.getName());
      }

      @Override
      public void onViewDropped(ViewMetadata view) {
        events.add("dropped " + view.getName());
      }
    };
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withMaterializedViews(true));
        CqlSession session = connect(cluster, listener)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.users (id int PRIMARY KEY, email text, name text)");
      session.execute("INSERT INTO ks.users (id, email, name) VALUES (1, 'a@x', 'Ann')");
      session.execute("INSERT INTO ks.users (id, name) VALUES (2, 'Bob')");
      ResultSet created = session.execute("CREATE MATERIALIZED VIEW ks.by_email AS SELECT * FROM ks.users"
          + " WHERE email IS NOT NULL AND id IS NOT NULL PRIMARY KEY (email, id)");
      assertThat(created.getExecutionInfo().getWarnings())
          .containsExactly("Materialized views are experimental and are not recommended for production use.");
      assertThat(rows(session, "SELECT email, id, name FROM ks.by_email")).containsExactly("a@x,1,Ann");

      session.checkSchemaAgreement();
      ViewMetadata view = session.getMetadata().getKeyspace("ks").orElseThrow().getView("by_email").orElseThrow();
      assertThat(view.getBaseTable().asInternal()).isEqualTo("users");
      assertThat(view.includesAllColumns()).isTrue();
      assertThat(view.getWhereClause()).contains("email IS NOT NULL AND id IS NOT NULL");
      assertThat(view.getPartitionKey()).extracting(c -> c.getName().asInternal()).containsExactly("email");
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTable("by_email")).isEmpty();

      session.execute("DROP MATERIALIZED VIEW ks.by_email");
      session.checkSchemaAgreement();
      assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getView("by_email")).isEmpty();
      assertThat(events).containsExactly("created by_email", "dropped by_email");
    }
  }

  @Test
  void should_keep_the_view_exact_through_inserts_updates_deletes_ttls_batches_and_lwts() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withMaterializedViews(true).withManualClock(true));
        CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v int, w text, l list<int>, PRIMARY KEY (k, c))");
      session.execute("CREATE MATERIALIZED VIEW ks.by_v AS SELECT * FROM ks.t"
          + " WHERE v IS NOT NULL AND k IS NOT NULL AND c IS NOT NULL PRIMARY KEY (v, k, c)");
      session.execute("CREATE MATERIALIZED VIEW ks.by_c AS SELECT k, c, w FROM ks.t"
          + " WHERE c IS NOT NULL AND k IS NOT NULL AND k = 1 PRIMARY KEY (c, k)");
      String byV = "SELECT v, k, c, w, l FROM ks.by_v";

      session.execute("INSERT INTO ks.t (k, c, v, w, l) VALUES (1, 1, 10, 'a', [1, 2])");
      session.execute("INSERT INTO ks.t (k, c, v, w) VALUES (2, 1, 20, 'b')");
      assertThat(rows(session, byV)).containsExactlyInAnyOrder("10,1,1,a,[1, 2]", "20,2,1,b,[]");
      assertThat(rows(session, "SELECT c, k, w FROM ks.by_c")).containsExactly("1,1,a");

      // a change of the view key column moves the row, and moving it back brings back the older cells
      session.execute("UPDATE ks.t SET v = 11 WHERE k = 1 AND c = 1");
      assertThat(rows(session, byV)).containsExactlyInAnyOrder("11,1,1,a,[1, 2]", "20,2,1,b,[]");
      session.execute("UPDATE ks.t SET v = 10 WHERE k = 1 AND c = 1");
      assertThat(rows(session, byV)).containsExactlyInAnyOrder("10,1,1,a,[1, 2]", "20,2,1,b,[]");

      // collections and other columns follow element by element
      session.execute("UPDATE ks.t SET l = l + [3], w = 'z' WHERE k = 1 AND c = 1");
      assertThat(rows(session, "SELECT l, w FROM ks.by_v WHERE v = 10")).containsExactly("[1, 2, 3],z");
      assertThat(rows(session, "SELECT w FROM ks.by_c WHERE c = 1")).containsExactly("z");

      // deleting the view key column removes the view row; setting it again brings it back
      session.execute("DELETE v FROM ks.t WHERE k = 2 AND c = 1");
      assertThat(rows(session, "SELECT v FROM ks.by_v")).containsExactly("10");
      session.execute("UPDATE ks.t SET v = 21 WHERE k = 2 AND c = 1");
      assertThat(rows(session, "SELECT v, w FROM ks.by_v WHERE v = 21")).containsExactly("21,b");

      // TTL: the view row expires with the base cell of its key column
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (3, 1, 30) USING TTL 10");
      assertThat(rows(session, "SELECT k FROM ks.by_v WHERE v = 30")).containsExactly("3");
      cluster.advanceClock(Duration.ofSeconds(11));
      assertThat(rows(session, "SELECT k FROM ks.by_v WHERE v = 30")).isEmpty();

      // batches and LWTs go through the same path
      session.execute("BEGIN BATCH INSERT INTO ks.t (k, c, v) VALUES (4, 1, 40); INSERT INTO ks.t (k, c, v) VALUES (5, 1, 50);"
          + " APPLY BATCH");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (6, 1, 60) IF NOT EXISTS");
      session.execute("UPDATE ks.t SET v = 61 WHERE k = 6 AND c = 1 IF v = 60");
      assertThat(rows(session, "SELECT v FROM ks.by_v")).containsExactlyInAnyOrder("10", "21", "40", "50", "61");

      // row, range and partition deletions
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 2, 12)");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 3, 13)");
      assertThat(rows(session, "SELECT c FROM ks.by_c")).containsExactly("1", "2", "3");
      session.execute("DELETE FROM ks.t WHERE k = 1 AND c = 3");
      session.execute("DELETE FROM ks.t WHERE k = 1 AND c >= 2");
      assertThat(rows(session, "SELECT c FROM ks.by_c")).containsExactly("1");
      session.execute("DELETE FROM ks.t WHERE k = 1");
      assertThat(rows(session, "SELECT c FROM ks.by_c")).isEmpty();
      assertThat(rows(session, "SELECT v FROM ks.by_v")).containsExactlyInAnyOrder("21", "40", "50", "61");

      // an older write does not win over a newer one in the view either
      session.execute(SimpleStatement.newInstance("UPDATE ks.t USING TIMESTAMP 1 SET v = 99 WHERE k = 4 AND c = 1"));
      assertThat(rows(session, "SELECT v FROM ks.by_v WHERE v = 40")).containsExactly("40");

      // TRUNCATE of the base empties the views
      session.execute("TRUNCATE ks.t");
      assertThat(rows(session, "SELECT v FROM ks.by_v")).isEmpty();
    }
  }

  @Test
  void should_refuse_what_cassandra_refuses_on_views_and_their_base_tables() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withMaterializedViews(true));
        CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int, w text)");
      session.execute("CREATE MATERIALIZED VIEW ks.v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k)");
      assertThatThrownBy(() -> session.execute("INSERT INTO ks.v (v, k) VALUES (1, 1)"))
          .hasMessage("Cannot directly modify a materialized view");
      assertThatThrownBy(() -> session.execute("TRUNCATE ks.v"))
          .hasMessage("Cannot TRUNCATE materialized view directly; must truncate base table instead");
      assertThatThrownBy(() -> session.execute("DROP TABLE ks.t"))
          .hasMessage("Cannot drop a table when materialized views still depend on it (ks)");
      assertThatThrownBy(() -> session.execute("ALTER TABLE ks.t DROP w"))
          .hasMessage("Cannot drop column w on base table t with materialized views");
      assertThatThrownBy(() -> session.execute("CREATE MATERIALIZED VIEW ks.e AS SELECT * FROM ks.t WHERE v IS NOT NULL"
          + " AND k IS NOT NULL AND w IS NOT NULL PRIMARY KEY (v, w, k)"))
          .hasMessage("Cannot include more than one non-primary key column in materialized view primary key (got v, w)");
      session.execute("ALTER TABLE ks.t ADD z int");
      session.execute("INSERT INTO ks.t (k, v, z) VALUES (1, 2, 3)");
      assertThat(rows(session, "SELECT z FROM ks.v WHERE v = 2")).containsExactly("3");
    }
  }

  @Test
  void should_keep_views_and_their_data_across_a_restart() {
    ClusterSpec spec = ClusterSpec.defaults().withMaterializedViews(true).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    List<String> viewId;
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      session.execute("CREATE MATERIALIZED VIEW ks.v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k)"
          + " WITH comment = 'kept'");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 10)");
      cluster.nodes().get(0).flush();
      session.execute("INSERT INTO ks.t (k, v) VALUES (2, 20)");
      viewId = rows(session, "SELECT id FROM system_schema.views WHERE keyspace_name = 'ks'");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster, null)) {
      assertThat(rows(session, "SELECT v, k FROM ks.v").stream().sorted().collect(Collectors.toList()))
          .containsExactly("10,1", "20,2");
      assertThat(rows(session, "SELECT comment FROM system_schema.views WHERE keyspace_name = 'ks'")).containsExactly("kept");
      assertThat(rows(session, "SELECT id FROM system_schema.views WHERE keyspace_name = 'ks'")).isEqualTo(viewId);
      session.execute("UPDATE ks.t SET v = 11 WHERE k = 1");
      assertThat(rows(session, "SELECT v FROM ks.v").stream().sorted().collect(Collectors.toList())).containsExactly("11", "20");
    }
  }

  /** Moves base row 1 from view key 10 to 11 and back, with fixed write times. */
  private static void moveAwayAndBack(CqlSession session, Runnable between) {
    session.execute("INSERT INTO ks.t (k, v, w) VALUES (1, 10, 'a') USING TIMESTAMP 1000");
    session.execute("UPDATE ks.t USING TIMESTAMP 3000 SET v = 11 WHERE k = 1");
    between.run();
    session.execute("UPDATE ks.t USING TIMESTAMP 4000 SET v = 10 WHERE k = 1");
  }

  @Test
  void should_keep_the_base_write_time_of_copied_cells_when_a_row_moves_back_to_a_view_key_on_three_replicas() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withMaterializedViews(true));
         CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int, w text)");
      session.execute("CREATE MATERIALIZED VIEW ks.v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k)");
      moveAwayAndBack(session, () -> assertThat(rows(session, "SELECT v, k, w FROM ks.v")).containsExactly("11,1,a"));
      // every replica answers: the shadowable deletion reached each one and was overridden on each
      for (DefaultConsistencyLevel cl : List.of(DefaultConsistencyLevel.ONE, DefaultConsistencyLevel.ALL)) {
        List<String> read = new ArrayList<>();
        for (Row r : session.execute(SimpleStatement.newInstance("SELECT v, k, w, WRITETIME(w) FROM ks.v").setConsistencyLevel(cl))) {
          read.add(r.getInt(0) + "," + r.getInt(1) + "," + r.getString(2) + "," + r.getLong(3));
        }
        assertThat(read).as(cl.name()).containsExactly("10,1,a,1000");
      }
      assertThat(rows(session, "SELECT w, WRITETIME(w) FROM ks.t WHERE k = 1")).containsExactly("a,1000");
    }
  }

  @Test
  void should_keep_a_shadowable_deletion_across_a_flush_and_a_restart() {
    ClusterSpec spec = ClusterSpec.defaults().withMaterializedViews(true).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster, null)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int, w text)");
      session.execute("CREATE MATERIALIZED VIEW ks.v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL PRIMARY KEY (v, k)");
      session.execute("INSERT INTO ks.t (k, v, w) VALUES (1, 10, 'a') USING TIMESTAMP 1000");
      cluster.nodes().get(0).flush();
      session.execute("UPDATE ks.t USING TIMESTAMP 3000 SET v = 11 WHERE k = 1");
      cluster.nodes().get(0).flush();
      session.execute("INSERT INTO ks.t (k, v, w) VALUES (2, 10, 'b') USING TIMESTAMP 3500");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster, null)) {
      assertThat(rows(session, "SELECT v, k, w FROM ks.v")).containsExactly("10,2,b", "11,1,a");
      session.execute("UPDATE ks.t USING TIMESTAMP 4000 SET v = 10 WHERE k = 1");
      assertThat(rows(session, "SELECT v, k, w, WRITETIME(w) FROM ks.v")).containsExactly("10,1,a,1000", "10,2,b,3500");
    }
  }
}
