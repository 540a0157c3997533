package dev.ringlet.driver.cluster;

import static dev.ringlet.driver.cluster.MembershipSession.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.node.LocalCluster;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Membership changes seen through the driver: bootstrap (addNode), decommission, removenode and
 * repair, on in-JVM clusters with a manual clock.
 */
class MembershipTest {

  private static final int KEYS = 120;

  private RingletCluster cluster;
  private CqlSession session;
  /** Nodes the driver added and removed on TOPOLOGY_CHANGE events. */
  private List<UUID> added;
  private List<UUID> removed;
  private MembershipSession client;

  private void start(int nodes, int rf) {
    start(ClusterSpec.defaults().withNodes(nodes).withManualClock(true),
        "{'class': 'SimpleStrategy', 'replication_factor': " + rf + "}");
  }

  private void start(ClusterSpec spec, String replication) {
    cluster = Ringlet.start(spec);
    client = MembershipSession.connect(cluster.contactPoints(), cluster.localDatacenter());
    session = client.session();
    added = client.added();
    removed = client.removed();
    session.execute("CREATE KEYSPACE ks WITH replication = " + replication);
    session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
  }

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_bootstrap_a_node_that_the_driver_sees_and_that_serves_every_existing_row_at_ONE() {
    start(3, 2);
    client.insert(0, KEYS, ConsistencyLevel.ALL, null);

    RingletNode added = cluster.addNode("datacenter1", "rack1");

    assertThat(cluster.nodes()).hasSize(4).last().isEqualTo(added);
    Await.until(() -> this.added.contains(added.hostId()));
    Await.until(() -> client.driverNode(added) != null && client.driverNode(added).getState() == NodeState.UP && client.connected(added));
    // system.local on the new node and system.peers on the others carry its tokens; the driver's token map has them.
    Row local = session.execute(SimpleStatement.newInstance("SELECT tokens, host_id FROM system.local").setNode(client.driverNode(added))).one();
    assertThat(local.getUuid("host_id")).isEqualTo(added.hostId());
    Set<String> tokens = local.getSet("tokens", String.class);
    assertThat(tokens).hasSize(ClusterSpec.DEFAULT_NUM_TOKENS);
    for (RingletNode n : cluster.nodes().subList(0, 3)) {
      Row peer = session.execute(SimpleStatement.newInstance("SELECT tokens FROM system.peers_v2 WHERE peer = ? AND peer_port = ?",
          added.nativeAddress().getAddress(), peerPort(n, added)).setNode(client.driverNode(n))).one();
      assertThat(peer).as("peers_v2 of " + n).isNotNull();
      assertThat(peer.getSet("tokens", String.class)).isEqualTo(tokens);
    }
    Await.until(() -> session.getMetadata().getTokenMap().map(m -> m.getTokens(client.driverNode(added)).size()).orElse(0)
        == ClusterSpec.DEFAULT_NUM_TOKENS);

    // Alone, the new node answers at ONE for every row it now replicates: they were streamed to it.
    List<Integer> owned = client.ownedBy(added, KEYS);
    assertThat(owned).isNotEmpty();
    cluster.isolate(added);
    for (int k : owned) {
      assertThat(client.readOne(added, k)).as("row " + k + " on the new node").isEqualTo("v" + k);
    }
    cluster.heal();
    // Through it as coordinator, every row is found at ONE.
    for (int k = 0; k < KEYS; k++) {
      assertThat(client.readOne(added, k)).isEqualTo("v" + k);
    }
  }

  @Test
  void should_send_writes_to_the_joining_node_for_the_ranges_it_will_own() throws Exception {
    start(3, 2);
    client.insert(0, KEYS, ConsistencyLevel.ALL, null);
    // The streamed data is read when the stream is asked for, but its answer is held: writes made
    // meanwhile reach the joining node only as a pending replica.
    cluster.addRule(MessageRule.delay(Duration.ofSeconds(1)).verb(MessageVerb.STREAM).direction(MessageRule.Direction.RESPONSE));
    CompletableFuture<RingletNode> joining = CompletableFuture.supplyAsync(() -> cluster.addNode("datacenter1", "rack1"));
    Await.until(() -> ((LocalCluster) cluster).membershipChangeUnderWay());
    for (int k = KEYS; k < 2 * KEYS; k++) {
      // every other one a lightweight transaction: its commit reaches the pending replica too
      String cql = "INSERT INTO ks.t (k, v) VALUES (" + k + ", 'v" + k + "')" + (k % 2 == 1 ? " IF NOT EXISTS" : "");
      session.execute(at(cql, ConsistencyLevel.ONE));
    }
    Await.until(() -> {
      cluster.advanceClock(Duration.ofSeconds(1));
      return joining.isDone();
    });
    RingletNode added = joining.get();
    cluster.heal();
    Await.until(() -> client.driverNode(added) != null && client.connected(added)
        && session.getMetadata().getTokenMap().isPresent()
        && !session.getMetadata().getTokenMap().get().getTokens(client.driverNode(added)).isEmpty());

    List<Integer> owned = client.ownedBy(added, 2 * KEYS);
    assertThat(owned).anyMatch(k -> k < KEYS).anyMatch(k -> k >= KEYS && k % 2 == 0).anyMatch(k -> k >= KEYS && k % 2 == 1);
    cluster.isolate(added);
    for (int k : owned) {
      assertThat(client.readOne(added, k)).as("row " + k + " on the new node").isEqualTo("v" + k);
    }
  }

  @Test
  void should_copy_roles_to_a_joining_node_so_that_it_authenticates_them() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(2).withManualClock(true).withAuthentication(true));
    try (CqlSession admin = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withAuthCredentials("cassandra", "cassandra").build()) {
      admin.execute("CREATE ROLE app WITH PASSWORD = 'secret' AND LOGIN = true");
    }
    RingletNode added = cluster.addNode("datacenter1", "rack2");
    // Only the new node as contact point: the control connection logs in there.
    try (CqlSession app = CqlSession.builder().addContactPoint(added.nativeAddress()).withLocalDatacenter(cluster.localDatacenter())
        .withAuthCredentials("app", "secret").build()) {
      Node target = app.getMetadata().getNodes().get(added.hostId());
      SimpleStatement query = SimpleStatement.newInstance("SELECT host_id, rack FROM system.local").setNode(target);
      Await.until(() -> {
        try {
          app.execute(query);
          return true;
        } catch (com.datastax.oss.driver.api.core.AllNodesFailedException e) {
          return false; // the pool to it is still opening (the control connection already logged in there)
        }
      });
      Row local = app.execute(query).one();
      assertThat(local.getUuid(0)).isEqualTo(added.hostId());
      assertThat(local.getString(1)).isEqualTo("rack2");
      assertThat(app.getMetadata().getNodes()).hasSize(3);
    }
  }

  @Test
  void should_bootstrap_into_a_second_datacenter_and_serve_its_network_topology_replicas() {
    start(ClusterSpec.defaults().withDatacenters(dev.ringlet.api.DatacenterSpec.of("dc1", 2), dev.ringlet.api.DatacenterSpec.of("dc2", 1))
        .withManualClock(true), "{'class': 'NetworkTopologyStrategy', 'dc1': 1, 'dc2': 2}");
    client.insert(0, KEYS, ConsistencyLevel.QUORUM, null); // dc2's factor of 2 exceeds its one node: ALL cannot be met, as in Cassandra
    RingletNode second = cluster.addNode("dc2", "rack1");
    assertThat(second.datacenter()).isEqualTo("dc2");
    // dc2 now has its two replicas: every row lives on both dc2 nodes, the new one included.
    // (The main session's local datacenter is dc1, so it has no pool to dc2 nodes; a dc2 session reads there.)
    try (CqlSession dc2 = CqlSession.builder().addContactPoint(second.nativeAddress()).withLocalDatacenter("dc2").build()) {
      Node target = dc2.getMetadata().getNodes().get(second.hostId());
      cluster.isolate(second);
      for (int k = 0; k < KEYS; k++) {
        Row row = dc2.execute(at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.LOCAL_ONE).setNode(target)).one();
        assertThat(row).as("row " + k + " on the new dc2 node").isNotNull();
        assertThat(row.getString(0)).isEqualTo("v" + k);
      }
      cluster.heal();
    }
    assertThat(session.execute(at("SELECT count(*) FROM ks.t", ConsistencyLevel.EACH_QUORUM)).one().getLong(0)).isEqualTo(KEYS);
  }

  @Test
  void should_decommission_a_node_and_keep_every_row_readable_at_every_level() {
    start(4, 3);
    client.insert(0, KEYS, ConsistencyLevel.ALL, null);
    RingletNode leaving = cluster.node(3);
    UUID leavingId = leaving.hostId();

    leaving.decommission();

    assertThat(leaving.isRunning()).isFalse();
    assertThat(cluster.nodes()).hasSize(3).doesNotContain(leaving);
    Await.until(() -> removed.contains(leavingId));
    assertThat(session.getMetadata().getNodes()).doesNotContainKey(leavingId);
    for (RingletNode n : cluster.nodes()) {
      List<Row> peers = session.execute(SimpleStatement.newInstance("SELECT host_id FROM system.peers").setNode(client.driverNode(n))).all();
      assertThat(peers).extracting(r -> r.getUuid(0)).hasSize(2).doesNotContain(leavingId);
    }
    for (int k = 0; k < KEYS; k++) {
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.ALL)).one().getString(0)).isEqualTo("v" + k);
    }
    // RF=3 on 3 nodes: every node holds every row alone.
    for (RingletNode n : cluster.nodes()) {
      cluster.isolate(n);
      for (int k = 0; k < KEYS; k++) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isEqualTo("v" + k);
      }
      cluster.heal();
    }
  }

  @Test
  void should_refuse_to_decommission_below_the_replication_factor_as_cassandra_does() {
    start(3, 3);
    assertThatThrownBy(() -> cluster.node(2).decommission())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageStartingWith("Not enough live nodes to maintain replication factor in keyspace ")
        .hasMessageContaining("(RF = 3, N = 3). Perform a forceful decommission to ignore.");
    assertThat(cluster.nodes()).hasSize(3);
    assertThat(cluster.node(2).isRunning()).isTrue();
  }

  @Test
  void should_remove_a_dead_node_and_restore_the_replication_factor_from_the_survivors() {
    start(3, 2);
    client.insert(0, KEYS, ConsistencyLevel.ALL, null);
    RingletNode dead = cluster.node(2);

    assertThatThrownBy(() -> cluster.removeNode(dead))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Node /" + dead.nativeAddress().getAddress().getHostAddress() + ":" + client.storagePort(dead)
            + " is alive and owns this ID. Use decommission command to remove it from the ring");

    dead.kill();
    cluster.advanceClock(Duration.ofSeconds(20));
    cluster.removeNode(dead);

    assertThat(cluster.nodes()).hasSize(2).doesNotContain(dead);
    DriverNodeStates.awaitRemoved(session, dead.hostId());
    // RF=2 on the 2 survivors: each now holds every row, including those the dead node shared with the other.
    for (RingletNode n : cluster.nodes()) {
      cluster.isolate(n);
      for (int k = 0; k < KEYS; k++) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isEqualTo("v" + k);
      }
      cluster.heal();
    }
  }

  @Test
  void should_repair_a_replica_that_missed_writes_so_that_every_replica_answers_at_ONE() {
    start(3, 3);
    client.insert(0, KEYS / 2, ConsistencyLevel.ALL, null);
    RingletNode behind = cluster.node(2);
    // QUORUM is met without it, so no hint is stored: the replica simply misses the writes.
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(behind));
    for (int k = KEYS / 2; k < KEYS; k++) {
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (" + k + ", 'v" + k + "')", ConsistencyLevel.QUORUM)
          .setNode(client.driverNode(cluster.node(0))));
    }
    session.execute(at("DELETE FROM ks.t WHERE k = 0", ConsistencyLevel.QUORUM).setNode(client.driverNode(cluster.node(0))));
    cluster.heal();
    assertThat(((LocalCluster) cluster).pendingHints()).isZero();
    cluster.isolate(behind);
    assertThat(client.readOne(behind, KEYS - 1)).as("before repair").isNull();
    assertThat(client.readOne(behind, 0)).as("the missed delete").isEqualTo("v0");
    cluster.heal();

    int written = cluster.node(0).repair("ks", "t");

    assertThat(written).isEqualTo(KEYS / 2 + 1);
    for (RingletNode n : cluster.nodes()) {
      cluster.isolate(n);
      assertThat(client.readOne(n, 0)).isNull();
      for (int k = 1; k < KEYS; k++) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isEqualTo("v" + k);
      }
      cluster.heal();
    }
    assertThat(cluster.node(1).repair("ks")).as("a second repair finds nothing to do").isZero();
  }

  @Test
  void should_refuse_to_repair_with_a_dead_replica() {
    start(3, 3);
    RingletNode dead = cluster.node(1);
    int port = client.storagePort(dead);
    dead.stop();
    assertThatThrownBy(() -> cluster.node(0).repair("ks"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Endpoint not alive: /" + dead.nativeAddress().getAddress().getHostAddress() + ":" + port);
    assertThatThrownBy(() -> cluster.node(0).repair("nope")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Keyspace [nope] does not exist.");
  }

  // ------------------------------------------------------------------ helpers

  private int peerPort(RingletNode asker, RingletNode peer) {
    return session.execute(SimpleStatement.newInstance("SELECT peer, peer_port FROM system.peers_v2").setNode(client.driverNode(asker))).all()
        .stream().filter(r -> r.getInetAddress(0).equals(peer.nativeAddress().getAddress())).map(r -> r.getInt(1))
        .collect(Collectors.toList()).get(0);
  }
}
