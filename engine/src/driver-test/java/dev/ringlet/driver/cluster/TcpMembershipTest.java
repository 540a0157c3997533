package dev.ringlet.driver.cluster;

import static dev.ringlet.driver.cluster.MembershipSession.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.node.ProcessCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Membership changes of a multi-process cluster, seen through the driver: each node is its own
 * {@link ProcessCluster} (as in separate processes, here in one JVM for speed), sharing only TCP.
 * A process joining a cluster that holds data bootstraps (streams its ranges, then serves them
 * alone), a process's node decommissions, a dead member is removed, and repair makes the replicas
 * agree.
 */
class TcpMembershipTest {

  private static final int KEYS = 100;

  private final List<ProcessCluster> processes = new ArrayList<>();
  private InetSocketAddress seed;
  private CqlSession session;
  private MembershipSession client;
  private List<UUID> added;
  private List<UUID> removed;

  @AfterEach
  void close() {
    if (client != null) {
      client.close();
    }
    for (ProcessCluster p : processes) {
      p.close();
    }
  }


  private ProcessCluster start(String rack) throws IOException {
    // ports 0: each node binds free ones itself (no probe-then-reuse race with other processes)
    InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    ClusterSpec spec = ClusterSpec.defaults().withClusterName("tcp-membership").withRack(rack).withAddress("127.0.0.1")
        .withPort(0).withNumTokens(8);
    ProcessCluster p = ProcessCluster.start(new ProcessCluster.Options(spec, listen, seed == null ? List.of() : List.of(seed),
        Duration.ofSeconds(30)));
    processes.add(p);
    if (seed == null) {
      seed = p.internodeAddress(); // the first node is the seed
    }
    return p;
  }

  /** {@code nodes} processes that form a cluster (nothing to stream yet), a session, and ks.t at {@code rf} with KEYS rows. */
  private void startCluster(int nodes, int rf) throws IOException {
    for (int i = 1; i <= nodes; i++) {
      start("r" + i);
    }
    Await.until(() -> processes.stream().allMatch(p -> p.knownMembers() == nodes));
    client = MembershipSession.connect(processes.get(0).contactPoints(), "datacenter1");
    session = client.session();
    added = client.added();
    removed = client.removed();
    Await.until(() -> session.getMetadata().getNodes().size() == nodes
        && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + rf + "}");
    session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
    // Every node here shares 127.0.0.1, which the driver's schema agreement (system.peers, keyed by
    // address) cannot tell apart: wait until each node knows the table.
    Await.until(() -> processes.stream().allMatch(p -> {
      try {
        session.execute(SimpleStatement.newInstance("SELECT k FROM ks.t LIMIT 1").setNode(client.driverNode(p.nodes().get(0))));
        return true;
      } catch (com.datastax.oss.driver.api.core.DriverException e) {
        return false;
      }
    }));
    client.insert(0, KEYS, ConsistencyLevel.ALL, null);
  }

  @Test
  void should_bootstrap_a_process_joining_a_cluster_with_data_so_that_it_serves_its_ranges_alone() throws IOException {
    startCluster(3, 2);

    ProcessCluster fourth = start("r4"); // returns once it bootstrapped
    RingletNode joined = fourth.nodes().get(0);

    Await.until(() -> processes.stream().allMatch(p -> p.knownMembers() == 4));
    Await.until(() -> added.contains(joined.hostId()) && client.driverNode(joined) != null
        && client.driverNode(joined).getState() == NodeState.UP && client.connected(joined));
    // tokens chosen by the allocator (8 of them), in system.local, in every other node's peers, and in the driver's token map
    Row local = session.execute(SimpleStatement.newInstance("SELECT tokens FROM system.local").setNode(client.driverNode(joined))).one();
    Set<String> tokens = local.getSet("tokens", String.class);
    assertThat(tokens).hasSize(8);
    for (ProcessCluster p : processes.subList(0, 3)) {
      RingletNode n = p.nodes().get(0);
      // peers_v2: every node here shares 127.0.0.1, which system.peers (keyed by address alone) cannot tell apart
      List<Row> peers = session.execute(SimpleStatement.newInstance("SELECT host_id, tokens FROM system.peers_v2")
          .setNode(client.driverNode(n))).all();
      assertThat(peers).filteredOn(r -> r.getUuid(0).equals(joined.hostId())).singleElement()
          .satisfies(r -> assertThat(r.getSet(1, String.class)).isEqualTo(tokens));
    }
    Await.until(() -> session.getMetadata().getTokenMap().map(m -> m.getTokens(client.driverNode(joined)).size()).orElse(0) == 8);

    // Cut off from the others, the new node answers at ONE every row it replicates: they were streamed to it.
    List<Integer> owned = client.ownedBy(joined, KEYS);
    assertThat(owned).isNotEmpty();
    fourth.isolate(joined);
    for (int k : owned) {
      assertThat(client.readOne(joined, k)).as("row " + k + " on the new node").isEqualTo("v" + k);
    }
    fourth.heal();
    for (int k = 0; k < KEYS; k++) {
      assertThat(client.readOne(joined, k)).as("row " + k + " through the new node").isEqualTo("v" + k);
    }
  }

  @Test
  void should_decommission_a_process_node_and_keep_every_row_readable() throws IOException {
    startCluster(4, 3);
    ProcessCluster fourth = processes.get(3);
    RingletNode leaving = fourth.nodes().get(0);
    UUID leavingId = leaving.hostId();

    leaving.decommission();

    assertThat(leaving.isRunning()).isFalse();
    Await.until(() -> removed.contains(leavingId));
    assertThat(processes.subList(0, 3)).allSatisfy(p -> {
      assertThat(p.knownMembers()).isEqualTo(3);
      assertThat(p.nodes()).extracting(RingletNode::hostId).doesNotContain(leavingId);
    });
    for (int k = 0; k < KEYS; k++) {
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.ALL)).one().getString(0)).isEqualTo("v" + k);
    }
    // RF=3 on 3 nodes: each holds every row alone, including those the leaving node streamed to it.
    ProcessCluster first = processes.get(0);
    for (ProcessCluster p : processes.subList(0, 3)) {
      RingletNode n = member(first, p.nodes().get(0).hostId());
      first.isolate(n);
      for (int k = 0; k < KEYS; k++) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isEqualTo("v" + k);
      }
      first.heal();
    }
  }

  @Test
  void should_refuse_to_decommission_below_the_replication_factor() throws IOException {
    startCluster(3, 2);
    assertThatThrownBy(() -> processes.get(2).nodes().get(0).decommission())
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Not enough live nodes to maintain replication factor in keyspace system_distributed (RF = 3, N = 3)."
            + " Perform a forceful decommission to ignore.");
    assertThat(processes).allSatisfy(p -> assertThat(p.knownMembers()).isEqualTo(3));
  }

  @Test
  void should_remove_a_dead_process_node_and_restore_replicas_from_the_survivors() throws IOException {
    startCluster(3, 2);
    ProcessCluster first = processes.get(0);
    ProcessCluster third = processes.get(2);
    RingletNode dead = member(first, third.nodes().get(0).hostId());
    int deadPort = client.storagePort(third.nodes().get(0));

    assertThatThrownBy(() -> first.removeNode(dead))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("Node /127.0.0.1:" + deadPort + " is alive and owns this ID. Use decommission command to remove it from the ring");
    assertThatThrownBy(() -> first.removeNode(first.nodes().get(0))).hasMessage("Cannot remove self");

    third.close();
    Await.until(() -> !dead.isRunning());
    assertThatThrownBy(() -> first.nodes().get(0).repair("ks"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("Endpoint not alive: /127.0.0.1:" + deadPort);
    first.removeNode(dead);

    assertThat(first.nodes()).extracting(RingletNode::hostId).doesNotContain(dead.hostId());
    assertThat(processes.get(1).knownMembers()).isEqualTo(2);
    Await.until(() -> removed.contains(dead.hostId()));
    // RF=2 on the 2 survivors: each now holds every row.
    for (ProcessCluster p : processes.subList(0, 2)) {
      RingletNode n = member(first, p.nodes().get(0).hostId());
      first.isolate(n);
      for (int k = 0; k < KEYS; k++) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isEqualTo("v" + k);
      }
      first.heal();
    }
  }

  @Test
  void should_repair_a_replica_in_another_process_that_missed_writes() throws IOException {
    startCluster(3, 3);
    ProcessCluster first = processes.get(0);
    RingletNode coordinator = first.nodes().get(0);
    RingletNode behind = member(first, processes.get(2).nodes().get(0).hostId());
    // QUORUM is met without it, so no hint is stored: the replica simply misses the writes.
    first.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(behind));
    client.insert(KEYS, KEYS + KEYS / 2, ConsistencyLevel.QUORUM, coordinator);
    session.execute(at("DELETE FROM ks.t WHERE k = 0", ConsistencyLevel.QUORUM).setNode(client.driverNode(coordinator)));
    first.isolate(behind);
    assertThat(client.readOne(behind, KEYS)).as("before repair").isNull();
    assertThat(client.readOne(behind, 0)).as("the missed delete").isEqualTo("v0");
    first.heal();

    int written = coordinator.repair("ks", "t");

    assertThat(written).isEqualTo(KEYS / 2 + 1);
    for (ProcessCluster p : processes) {
      RingletNode n = member(first, p.nodes().get(0).hostId());
      first.isolate(n);
      assertThat(client.readOne(n, 0)).isNull();
      for (int k = 1; k < KEYS + KEYS / 2; k++) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isEqualTo("v" + k);
      }
      first.heal();
    }
    assertThat(processes.get(1).nodes().get(0).repair("ks")).as("a second repair finds nothing to do").isZero();
  }

  @Test
  void should_stop_start_pause_and_resume_another_process_node_through_its_handle() throws IOException {
    startCluster(3, 3);
    ProcessCluster first = processes.get(0);
    ProcessCluster third = processes.get(2);
    RingletNode remote = member(first, third.nodes().get(0).hostId());

    remote.stop(); // runs in the third process, asked over the internode port

    assertThat(third.nodes().get(0).isRunning()).isFalse();
    assertThat(remote.isRunning()).as("DOWN at once: it said goodbye").isFalse();
    Await.until(() -> client.driverNode(remote).getState() == NodeState.DOWN);
    client.insert(KEYS, KEYS + 10, ConsistencyLevel.QUORUM, first.nodes().get(0));

    remote.start();

    Await.until(() -> remote.isRunning() && client.driverNode(remote).getState() == NodeState.UP && client.connected(remote));
    // Paused, it holds the writes sent to it (QUORUM is met without it) and applies them once resumed.
    remote.pause();
    client.insert(KEYS + 10, KEYS + 20, ConsistencyLevel.QUORUM, first.nodes().get(0));
    remote.resume();
    first.isolate(remote);
    for (int k = KEYS + 10; k < KEYS + 20; k++) {
      assertThat(client.readOne(remote, k)).as("row " + k + " written while it was paused").isEqualTo("v" + k);
    }
    first.heal();
    assertThat(third.nodes().get(0).isRunning()).isTrue();
  }

  @Test
  void should_truncate_every_process_node_stopped_ones_included_through_one_handle() throws IOException {
    // Given rows on every replica, and the third process's node stopped
    startCluster(3, 3);
    ProcessCluster first = processes.get(0);
    RingletNode third = member(first, processes.get(2).nodes().get(0).hostId());
    third.stop();
    // When one process's handle truncates the keyspace
    assertThat(first.truncate(Set.of("ks"))).as("tables emptied on its node").isEqualTo(1);
    // Then every node, the stopped one once started again, reads nothing alone
    third.start();
    Await.until(() -> third.isRunning() && client.driverNode(third).getState() == NodeState.UP && client.connected(third));
    for (ProcessCluster p : processes) {
      RingletNode n = member(first, p.nodes().get(0).hostId());
      first.isolate(n);
      for (int k = 0; k < KEYS; k += 10) {
        assertThat(client.readOne(n, k)).as("row " + k + " on " + n).isNull();
      }
      first.heal();
    }
    assertThatThrownBy(() -> first.truncate(Set.of("system"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyspace: system (expected: a user keyspace, not a system one)");
  }

  // ------------------------------------------------------------------ helpers

  /** The handle a process has for a member (itself or another process's node). */
  private static RingletNode member(ProcessCluster process, UUID hostId) {
    return process.nodes().stream().filter(n -> n.hostId().equals(hostId)).findFirst().orElseThrow();
  }
}
