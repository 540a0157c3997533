package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.api.TableStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a data directory, schema and data survive a restart; flush, compact, snapshot and stats work through the node handle. */
class DriverDurableStorageTest {

  @TempDir
  Path data;

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
  }

  @Test
  void should_keep_schema_and_data_across_a_restart_with_the_same_directory() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data).withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TYPE shop.address (street text, zip int)");
      session.execute("CREATE TABLE shop.orders (customer text, id int, total int, note text, addr address, tags set<text>,"
          + " PRIMARY KEY (customer, id)) WITH CLUSTERING ORDER BY (id DESC)");
      for (int i = 0; i < 50; i++) {
        session.execute("INSERT INTO shop.orders (customer, id, total, tags) VALUES ('ann', " + i + ", " + i * 10 + ", {'a', 'b'})");
      }
      session.execute("UPDATE shop.orders SET addr = {street: 'Main', zip: 1}, note = 'x' WHERE customer = 'bob' AND id = 1");
      cluster.nodes().get(0).flush();
      session.execute("DELETE FROM shop.orders WHERE customer = 'ann' AND id < 10");
      session.execute("UPDATE shop.orders SET tags = tags - {'a'} WHERE customer = 'ann' AND id = 20");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      List<Row> ann = session.execute("SELECT id, total, tags FROM shop.orders WHERE customer = 'ann'").all();
      assertThat(ann).hasSize(40);
      assertThat(ann.get(0).getInt("id")).isEqualTo(49);
      assertThat(session.execute("SELECT tags FROM shop.orders WHERE customer = 'ann' AND id = 20").one().getSet("tags", String.class))
          .containsExactly("b");
      Row bob = session.execute("SELECT addr, note FROM shop.orders WHERE customer = 'bob' AND id = 1").one();
      assertThat(bob.getUdtValue("addr").getString("street")).isEqualTo("Main");
      assertThat(bob.getString("note")).isEqualTo("x");
    }
  }

  @Test
  void should_keep_roles_and_indexes_across_a_restart() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data).withAuthentication(true)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = CqlSession.builder()
        .addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withAuthCredentials("cassandra", "cassandra").build()) {
      session.execute("CREATE ROLE ann WITH PASSWORD = 'secret' AND LOGIN = true");
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.people (id int PRIMARY KEY, email text)");
      session.execute("CREATE INDEX ON ks.people (email)");
      session.execute("INSERT INTO ks.people (id, email) VALUES (1, 'a@x')");
      session.execute("GRANT SELECT ON KEYSPACE ks TO ann");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession ann = CqlSession.builder()
        .addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withAuthCredentials("ann", "secret").build()) {
      assertThat(ann.execute("SELECT id FROM ks.people WHERE email = 'a@x'").one().getInt("id")).isEqualTo(1);
      assertThatThrownBy(() -> ann.execute("INSERT INTO ks.people (id, email) VALUES (2, 'b@x')"))
          .hasMessageContaining("has no MODIFY permission");
    }
  }

  @Test
  void should_flush_compact_snapshot_restore_and_report_statistics() throws Exception {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      RingletNode node = cluster.nodes().get(0);
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text) WITH gc_grace_seconds = 0");
      for (int round = 0; round < 3; round++) {
        for (int k = 0; k < 10; k++) {
          session.execute("INSERT INTO ks.t (k, v) VALUES (" + k + ", 'r" + round + "')");
        }
        node.flush();
      }
      TableStatistics before = node.tableStats("ks", "t");
      assertThat(before.sstableCount()).isEqualTo(3);
      assertThat(before.estimatedPartitions()).isEqualTo(30);

      node.compact();
      TableStatistics after = node.tableStats("ks", "t");
      assertThat(after.sstableCount()).isEqualTo(1);
      assertThat(after.estimatedPartitions()).isEqualTo(10);
      assertThat(after.compactionsCompleted()).isGreaterThanOrEqualTo(1);

      // every stored table is snapshotted, system_auth's too (as nodetool snapshot without a keyspace)
      assertThat(node.snapshot("before-delete")).isPositive();
      try (Stream<Path> files = Files.walk(data)) {
        assertThat(files.anyMatch(p -> p.toString().contains("snapshots/before-delete/") && p.toString().endsWith("-Data.db"))).isTrue();
      }
      session.execute("TRUNCATE ks.t");
      assertThat(session.execute("SELECT * FROM ks.t").all()).isEmpty();

      assertThat(node.restoreSnapshot("before-delete")).isPositive();
      assertThat(session.execute("SELECT * FROM ks.t").all()).hasSize(10);
      assertThat(session.execute("SELECT v FROM ks.t WHERE k = 3").one().getString("v")).isEqualTo("r2");
      assertThatThrownBy(() -> node.tableStats("ks", "nope")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void should_not_bring_back_a_dropped_tables_data_after_a_restart() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 'old')");
      session.execute("DROP TABLE ks.t");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      session.execute("INSERT INTO ks.t (k, v) VALUES (2, 'new')");
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      assertThat(session.execute("SELECT k, v FROM ks.t").all()).extracting(r -> r.getString("v")).containsExactly("new");
    }
  }

  @Test
  void should_page_a_full_scan_across_memtable_and_sstables() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults()); CqlSession session = connect(cluster)) {
      RingletNode node = cluster.nodes().get(0);
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      for (int k = 0; k < 300; k++) {
        session.execute("INSERT INTO ks.t (k, v) VALUES (" + k + ", " + k + ")");
        if (k % 100 == 99) {
          node.flush(); // in memory mode: heap SSTable images
        }
      }
      for (int k = 0; k < 300; k += 3) {
        session.execute("UPDATE ks.t SET v = " + (-k) + " WHERE k = " + k);
      }
      session.execute("DELETE FROM ks.t WHERE k = 150");
      assertThat(node.tableStats("ks", "t").sstableCount()).isEqualTo(3);
      List<Row> rows = session.execute(com.datastax.oss.driver.api.core.cql.SimpleStatement.newInstance("SELECT k, v FROM ks.t")
          .setPageSize(50)).all();
      assertThat(rows).hasSize(299);
      for (Row r : rows) {
        int k = r.getInt("k");
        assertThat(r.getInt("v")).as("k=%d", k).isEqualTo(k % 3 == 0 ? -k : k);
      }
    }
  }

  @Test
  void should_refuse_snapshots_without_a_data_directory() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults())) {
      assertThatThrownBy(() -> cluster.nodes().get(0).snapshot("t")).isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("need a data directory");
    }
  }
}
