package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable clusters in one JVM: every node keeps its files in its own directory; a restart of the
 * whole cluster, or a stop/kill and start of one node, brings back its data, the schema with its
 * ids and dropped columns, and each node's host id and tokens; a kill loses only what the commit
 * log's sync mode allows.
 */
class DurableClusterTest {

  @TempDir
  Path data;

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
  }

  /**
   * Waits until the driver has reconnected to the restarted node and a query through it succeeds
   * (real I/O: the driver's reconnection).
   */
  static void awaitConnected(CqlSession session, RingletNode node) {
    Await.until(() -> {
      com.datastax.oss.driver.api.core.metadata.Node n = session.getMetadata().getNodes().values().stream()
          .filter(d -> node.hostId().equals(d.getHostId())).findFirst().orElseThrow();
      if (n.getState() != com.datastax.oss.driver.api.core.metadata.NodeState.UP || n.getOpenConnections() == 0) {
        return false;
      }
      try {
        session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local").setNode(n));
        // and through the load balancing policy, which learns of the node's return on its own thread
        session.execute("SELECT release_version FROM system.local");
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    });
  }

  /** Kills the node, waits until the driver has lost its connections to it, starts it and waits until the driver is back. */
  static void killAndStart(CqlSession session, RingletNode node) {
    node.kill();
    Await.until(() -> session.getMetadata().getNodes().values().stream()
        .filter(d -> node.hostId().equals(d.getHostId())).findFirst().orElseThrow().getOpenConnections() == 0);
    node.start();
    awaitConnected(session, node);
  }

  private static List<String> rows(CqlSession session, String query) {
    List<String> out = new ArrayList<>();
    for (Row r : session.execute(query)) {
      out.add(r.getFormattedContents());
    }
    out.sort(null);
    return out;
  }

  /** Every node's host id and tokens, as one node reports them in {@code system.local} and {@code system.peers}. */
  private static Set<String> identities(CqlSession session) {
    com.datastax.oss.driver.api.core.metadata.Node coordinator = session.getMetadata().getNodes().values().stream()
        .filter(n -> n.getOpenConnections() > 0).findFirst().orElseThrow();
    Set<String> out = new TreeSet<>();
    Row local = session.execute(SimpleStatement.newInstance("SELECT host_id, tokens FROM system.local").setNode(coordinator)).one();
    out.add(local.getUuid("host_id") + " " + new TreeSet<>(local.getSet("tokens", String.class)));
    for (Row peer : session.execute(SimpleStatement.newInstance("SELECT host_id, tokens FROM system.peers").setNode(coordinator))) {
      out.add(peer.getUuid("host_id") + " " + new TreeSet<>(peer.getSet("tokens", String.class)));
    }
    return out;
  }

  @Test
  void should_bring_back_data_schema_and_node_identities_when_the_same_spec_starts_on_the_same_directory() throws Exception {
    // Given a 2-DC cluster of 4 nodes with a data directory, data on every node and a schema with a dropped column
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 2), DatacenterSpec.of("dc2", 2))
        .withDataDirectory(data).withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    List<String> schemaRows;
    List<String> droppedRows;
    Set<String> identities;
    UUID tableId;
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 1}");
      session.execute("CREATE TYPE shop.address (street text, zip int)");
      session.execute("CREATE TABLE shop.orders (customer text, id int, total int, note text, addr frozen<address>,"
          + " PRIMARY KEY (customer, id)) WITH comment = 'orders'");
      for (int i = 0; i < 40; i++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO shop.orders (customer, id, total, note) VALUES (?, ?, ?, 'n')",
            "c" + i, i, i * 10).setConsistencyLevel(ConsistencyLevel.ALL));
      }
      session.execute("ALTER TABLE shop.orders DROP note");
      schemaRows = rows(session, "SELECT * FROM system_schema.tables WHERE keyspace_name = 'shop'");
      schemaRows.addAll(rows(session, "SELECT * FROM system_schema.columns WHERE keyspace_name = 'shop'"));
      schemaRows.addAll(rows(session, "SELECT * FROM system_schema.types WHERE keyspace_name = 'shop'"));
      schemaRows.addAll(rows(session, "SELECT * FROM system_schema.keyspaces WHERE keyspace_name = 'shop'"));
      droppedRows = rows(session, "SELECT * FROM system_schema.dropped_columns WHERE keyspace_name = 'shop'");
      identities = identities(session);
      assertThat(identities).hasSize(4);
      tableId = session.getMetadata().getKeyspace("shop").orElseThrow().getTable("orders").orElseThrow().getId().orElseThrow();
      cluster.nodes().get(1).flush(); // some data in SSTables, the rest only in commit logs
    }
    // every node has its own directory
    try (Stream<Path> dirs = Files.list(data)) {
      assertThat(dirs.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("node-"))).hasSize(4);
    }

    // When the same spec starts again on the same directory
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      // Then the data, the schema (ids and drop times included) and every node's host id and tokens are back
      List<Row> orders = session.execute(SimpleStatement.newInstance("SELECT customer, id, total FROM shop.orders")
          .setConsistencyLevel(ConsistencyLevel.ALL)).all();
      assertThat(orders).hasSize(40);
      assertThat(orders).allSatisfy(r -> assertThat(r.getInt("total")).isEqualTo(r.getInt("id") * 10));
      List<String> after = rows(session, "SELECT * FROM system_schema.tables WHERE keyspace_name = 'shop'");
      after.addAll(rows(session, "SELECT * FROM system_schema.columns WHERE keyspace_name = 'shop'"));
      after.addAll(rows(session, "SELECT * FROM system_schema.types WHERE keyspace_name = 'shop'"));
      after.addAll(rows(session, "SELECT * FROM system_schema.keyspaces WHERE keyspace_name = 'shop'"));
      assertThat(after).isEqualTo(schemaRows);
      assertThat(rows(session, "SELECT * FROM system_schema.dropped_columns WHERE keyspace_name = 'shop'")).isEqualTo(droppedRows)
          .hasSize(1);
      assertThat(identities(session)).isEqualTo(identities);
      assertThat(session.getMetadata().getKeyspace("shop").orElseThrow().getTable("orders").orElseThrow().getId())
          .contains(tableId);
      // the dropped column stays dropped: re-adding it does not bring back the old values
      session.execute("ALTER TABLE shop.orders ADD note text");
      assertThat(session.execute(SimpleStatement.newInstance("SELECT note FROM shop.orders WHERE customer = 'c1' AND id = 1")
          .setConsistencyLevel(ConsistencyLevel.ALL)).one().isNull("note")).isTrue();
    }
  }

  @Test
  void should_refuse_to_start_a_node_whose_saved_cluster_name_differs() throws Exception {
    ClusterSpec spec = ClusterSpec.defaults().withNodes(2).withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec)) {
      assertThat(cluster.nodes()).hasSize(2);
    }
    Path local;
    try (Stream<Path> dirs = Files.list(data)) {
      local = dirs.filter(p -> p.getFileName().toString().startsWith("node-")).findFirst().orElseThrow().resolve("system.local");
    }
    Files.writeString(local, Files.readString(local).replace("cluster_name=Ringlet Cluster", "cluster_name=Other"));
    assertThatThrownBy(() -> Ringlet.start(spec).close())
        .hasMessage("Saved cluster name Other != configured name Ringlet Cluster");
  }

  @Test
  void should_recover_a_killed_node_from_its_commit_log_and_sstables() {
    // Given a 3-node cluster, RF=1 (each row lives on one node only), the batch sync mode
    ClusterSpec spec = ClusterSpec.defaults().withNodes(3).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      for (int i = 0; i < 30; i++) {
        session.execute("INSERT INTO ks.t (k, v) VALUES (" + i + ", 'a" + i + "')");
      }
      cluster.nodes().forEach(RingletNode::flush);
      for (int i = 30; i < 60; i++) {
        session.execute("INSERT INTO ks.t (k, v) VALUES (" + i + ", 'b" + i + "')");
      }
      // When every node is killed (nothing flushed) and started again, one after the other
      for (RingletNode node : cluster.nodes()) {
        killAndStart(session, node);
      }
      // Then every acknowledged row is back, from SSTables and from the commit logs
      assertThat(session.execute("SELECT k FROM ks.t").all()).hasSize(60);
      // and a gracefully stopped node comes back too
      cluster.nodes().get(2).stop();
      cluster.nodes().get(2).start();
      awaitConnected(session, cluster.nodes().get(2));
      assertThat(session.execute("SELECT k FROM ks.t").all()).hasSize(60);
    }
  }

  @Test
  void should_lose_on_a_kill_only_the_writes_since_the_last_periodic_sync() {
    // Given a durable node on a manual clock in periodic mode (a sync every 10 s of the clock)
    ClusterSpec spec = ClusterSpec.defaults().withManualClock(true).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.PERIODIC);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 'before the sync')");
      cluster.advanceClock(Duration.ofSeconds(9));
      session.execute("INSERT INTO ks.t (k, v) VALUES (2, 'still before the sync')");
      cluster.advanceClock(Duration.ofSeconds(1)); // 10 s: the commit log syncs
      session.execute("INSERT INTO ks.t (k, v) VALUES (3, 'after the sync')");
      cluster.advanceClock(Duration.ofSeconds(5));
      session.execute("INSERT INTO ks.t (k, v) VALUES (4, 'after the sync')");

      // When the node is killed and started again
      killAndStart(session, cluster.nodes().get(0));

      // Then what was synced is back, and what was written since the last sync is lost
      Set<Integer> keys = session.execute("SELECT k FROM ks.t").all().stream().map(r -> r.getInt("k")).collect(Collectors.toSet());
      assertThat(keys).containsExactlyInAnyOrder(1, 2);
    }
  }

  @Test
  void should_lose_no_acknowledged_write_on_a_kill_in_batch_and_group_mode() {
    for (ClusterSpec.CommitLogSync sync : List.of(ClusterSpec.CommitLogSync.BATCH, ClusterSpec.CommitLogSync.GROUP)) {
      ClusterSpec spec = ClusterSpec.defaults().withManualClock(true).withDataDirectory(data.resolve(sync.name()))
          .withCommitLogSync(sync);
      try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
        session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
        session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
        for (int i = 0; i < 20; i++) {
          session.execute("INSERT INTO ks.t (k, v) VALUES (" + i + ", 'v')");
        }
        killAndStart(session, cluster.nodes().get(0));
        assertThat(session.execute("SELECT k FROM ks.t").all()).as(sync.name()).hasSize(20);
      }
    }
  }

  @Test
  void should_deliver_hints_held_before_a_cluster_restart() {
    // Given a 3-node RF=3 cluster on a manual clock whose third node is down while a write is hinted for it
    ClusterSpec spec = ClusterSpec.defaults().withNodes(3).withManualClock(true).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      cluster.nodes().get(2).kill();
      cluster.advanceClock(Duration.ofSeconds(30)); // its peers see it DOWN
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (1, 'hinted')")
          .setConsistencyLevel(ConsistencyLevel.QUORUM));
    } // When the whole cluster closes before the hint is delivered
    try (Stream<Path> hints = Files.walk(data)) {
      assertThat(hints.filter(p -> p.toString().contains("hints") && p.toString().endsWith(".mut"))).isNotEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }

    // and starts again on the same directory
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      cluster.advanceClock(Duration.ofSeconds(1)); // a gossip round: every node is up, hints are replayed
      RingletNode third = cluster.nodes().get(2);
      cluster.isolate(third);
      com.datastax.oss.driver.api.core.metadata.Node driverThird = session.getMetadata().getNodes().values().stream()
          .filter(n -> third.hostId().equals(n.getHostId())).findFirst().orElseThrow();
      // Then the node that was down has the hinted write of the previous run
      Row row = session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 1")
          .setConsistencyLevel(ConsistencyLevel.ONE).setNode(driverThird)).one();
      assertThat(row).isNotNull();
      assertThat(row.getString("v")).isEqualTo("hinted");
    }
  }
}
