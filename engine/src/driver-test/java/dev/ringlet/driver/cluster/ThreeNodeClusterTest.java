package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three nodes, RF=3, on a manual clock: consistency levels, failure detection, hints, through the driver. */
class ThreeNodeClusterTest {

  private RingletCluster cluster;
  private CqlSession session;

  @BeforeEach
  void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    session = ManualClockSessions.connect(cluster, ManualClockSessions.options(Duration.ofSeconds(10))
        .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
        .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100)));
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_connect_to_every_node_with_agreeing_schema_and_topology() {
    assertThat(session.getMetadata().getNodes()).hasSize(3);
    assertThat(session.getMetadata().getNodes().values()).allMatch(n -> n.getState() == NodeState.UP);
    assertThat(session.checkSchemaAgreement()).isTrue();
    assertThat(session.getMetadata().getKeyspace("ks")).isPresent();
    assertThat(session.getMetadata().getTokenMap()).isPresent();
    assertThat(session.getMetadata().getTokenMap().get().getTokenRanges()).hasSize(3 * 16);
  }

  @Test
  void should_replicate_a_write_to_every_replica() {
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 'one')", ConsistencyLevel.ALL));
    for (RingletNode n : cluster.nodes()) {
      // Reading at ONE from each node in turn as coordinator, with the other two cut off, shows its own copy.
      cluster.isolate(n);
      SimpleStatement read = at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ONE).setNode(driverNode(n));
      assertThat(session.execute(read).one().getString(0)).isEqualTo("one");
      cluster.heal();
    }
  }

  @Test
  void should_serve_quorum_and_refuse_all_when_one_node_is_killed_then_deliver_hints_on_restart() {
    RingletNode victim = cluster.node(2);
    victim.kill();
    cluster.advanceClock(Duration.ofSeconds(20)); // the failure detector convicts it
    DriverNodeStates.await(session, victim.hostId(), NodeState.DOWN);

    for (int k = 0; k < 20; k++) {
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (" + k + ", 'v" + k + "')", ConsistencyLevel.QUORUM));
    }
    assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 7", ConsistencyLevel.QUORUM)).one().getString(0)).isEqualTo("v7");
    assertThatThrownBy(() -> session.execute(at("SELECT v FROM ks.t WHERE k = 7", ConsistencyLevel.ALL)))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.getRequired()).isEqualTo(3);
          assertThat(e.getAlive()).isEqualTo(2);
        });
    assertThatThrownBy(() -> session.execute(at("INSERT INTO ks.t (k, v) VALUES (99, 'x')", ConsistencyLevel.ALL)))
        .isInstanceOf(UnavailableException.class);

    victim.start();
    DriverNodeStates.await(session, victim.hostId(), NodeState.UP);
    // The hints went back to the revived replica: alone, it has every write.
    cluster.isolate(victim);
    for (int k = 0; k < 20; k++) {
      SimpleStatement read = at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.ONE).setNode(driverNode(victim));
      assertThat(session.execute(read).one().getString(0)).isEqualTo("v" + k);
    }
  }

  @Test
  void should_time_out_a_write_whose_replica_acknowledgements_are_dropped() throws Exception {
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).direction(MessageRule.Direction.RESPONSE));
    SimpleStatement write = at("INSERT INTO ks.t (k, v) VALUES (5, 'five')", ConsistencyLevel.ALL).setNode(driverNode(cluster.node(0)));
    CompletionStage<?> pending = session.executeAsync(write);
    // The request reaches its coordinator on another thread: move the clock until it has timed out.
    Await.until(() -> {
      cluster.advanceClock(Duration.ofMillis(500));
      return pending.toCompletableFuture().isDone();
    });
    assertThatThrownBy(() -> pending.toCompletableFuture().get())
        .hasCauseInstanceOf(WriteTimeoutException.class)
        .satisfies(t -> {
          WriteTimeoutException e = (WriteTimeoutException) t.getCause();
          assertThat(e.getReceived()).isEqualTo(1);
          assertThat(e.getBlockFor()).isEqualTo(3);
          assertThat(e.getWriteType()).isEqualTo(WriteType.SIMPLE);
        });
  }

  @Test
  void should_repair_a_stale_replica_on_read() {
    RingletNode stale = cluster.node(1);
    cluster.isolate(stale);
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (3, 'new')", ConsistencyLevel.ONE).setNode(driverNode(cluster.node(0))));
    cluster.heal();
    // ALL from the stale node: digests disagree, the coordinator reconciles and repairs.
    SimpleStatement all = at("SELECT v FROM ks.t WHERE k = 3", ConsistencyLevel.ALL).setNode(driverNode(stale));
    assertThat(session.execute(all).one().getString(0)).isEqualTo("new");
    cluster.isolate(stale);
    SimpleStatement one = at("SELECT v FROM ks.t WHERE k = 3", ConsistencyLevel.ONE).setNode(driverNode(stale));
    assertThat(session.execute(one).one().getString(0)).isEqualTo("new");
  }

  @Test
  void should_finish_an_accepted_but_uncommitted_lwt_on_a_serial_read() {
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (8, 'old')", ConsistencyLevel.ALL));
    RingletNode first = cluster.node(0);
    // The proposal is accepted everywhere but its commit reaches only the coordinator's own replica.
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_COMMIT).from(first));
    SimpleStatement cas = at("UPDATE ks.t SET v = 'new' WHERE k = 8 IF v = 'old'", ConsistencyLevel.QUORUM)
        .setNode(driverNode(first));
    CompletionStage<?> pending = session.executeAsync(cas);
    Await.until(() -> {
      cluster.advanceClock(Duration.ofMillis(100));
      return pending.toCompletableFuture().isDone();
    });
    assertThatThrownBy(() -> pending.toCompletableFuture().get()).hasCauseInstanceOf(WriteTimeoutException.class)
        .satisfies(t -> assertThat(((WriteTimeoutException) t.getCause()).getWriteType()).isEqualTo(WriteType.SIMPLE));
    cluster.heal();
    cluster.isolate(first);
    RingletNode other = cluster.node(1);
    assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 8", ConsistencyLevel.QUORUM).setNode(driverNode(other)))
        .one().getString(0)).as("a quorum read does not see the uncommitted proposal").isEqualTo("old");
    assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 8", ConsistencyLevel.SERIAL).setNode(driverNode(other)))
        .one().getString(0)).as("a serial read finishes it").isEqualTo("new");
    assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 8", ConsistencyLevel.QUORUM).setNode(driverNode(other)))
        .one().getString(0)).isEqualTo("new");
    assertThatThrownBy(() -> session.execute(at("SELECT v FROM ks.t", ConsistencyLevel.SERIAL).setNode(driverNode(other))))
        .hasMessage("SERIAL/LOCAL_SERIAL consistency may only be requested for one partition at a time");
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }

}
