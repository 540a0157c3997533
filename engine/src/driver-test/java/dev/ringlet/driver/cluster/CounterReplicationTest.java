package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.coordinator.CounterLeaderDraw;
import dev.ringlet.internal.node.LocalCluster;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Counter shards across replicas on a 3-node RF=3 cluster with a manual clock: a replica that missed
 * increments (its MUTATIONs dropped) diverges, reads at ALL reconcile the shards and repair it, and
 * counter writes time out with write type COUNTER.
 */
class CounterReplicationTest {

  private RingletCluster cluster;
  private CqlSession session;

  @BeforeEach
  void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE TABLE ks.c (k int PRIMARY KEY, n counter)");
    // These tests drop the shard messages of a known leader: the coordinator leads (Cassandra draws
    // a random local replica, as Ringlet does by default; CounterLeaderChoiceTest shows that).
    ((LocalCluster) cluster).drawCounterLeadersWith(CounterLeaderDraw.coordinatorFirst());
  }

  @AfterEach
  void stop() {
    session.close();
    cluster.close();
  }

  @Test
  void should_repair_a_replica_that_missed_increments_when_read_at_all() {
    RingletNode stale = cluster.node(2);
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(stale));
    for (int i = 0; i < 3; i++) {
      session.execute(at("UPDATE ks.c SET n = n + 1 WHERE k = 1", ConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(0))));
    }
    cluster.resetFaults();
    assertThat(countOn(stale, 1)).as("the replica that missed the increments").isNull();

    assertThat(session.execute(at("SELECT n FROM ks.c WHERE k = 1", ConsistencyLevel.ALL).setNode(driverNode(cluster.node(0))))
        .one().getLong(0)).isEqualTo(3);

    assertThat(countOn(stale, 1)).as("repaired by the read at ALL").isEqualTo(3);
  }

  @Test
  void should_sum_the_shards_of_every_leader_and_converge_replicas_that_each_missed_some() {
    // Leaders 0 and 1 increment while replica 2 misses their shards...
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(cluster.node(2)));
    session.execute(at("UPDATE ks.c SET n = n + 1 WHERE k = 1", ConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(0))));
    session.execute(at("UPDATE ks.c SET n = n + 10 WHERE k = 1", ConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(1))));
    cluster.resetFaults();
    // ...then leader 2 increments while replica 0 misses its shard.
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(cluster.node(0)));
    session.execute(at("UPDATE ks.c SET n = n + 100 WHERE k = 1", ConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(2))));
    cluster.resetFaults();
    assertThat(countOn(cluster.node(0), 1)).isEqualTo(11);
    assertThat(countOn(cluster.node(1), 1)).isEqualTo(111);
    assertThat(countOn(cluster.node(2), 1)).isEqualTo(100);

    // With replica 1 down, a QUORUM read of replicas 0 and 2 sums shards neither holds whole.
    RingletNode down = cluster.node(1);
    down.stop();
    DriverNodeStates.await(session, down.hostId(), NodeState.DOWN);
    assertThat(session.execute(at("SELECT n FROM ks.c WHERE k = 1", ConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(0))))
        .one().getLong(0)).isEqualTo(111);
    down.start();
    DriverNodeStates.await(session, down.hostId(), NodeState.UP);

    for (RingletNode n : cluster.nodes()) {
      assertThat(countOn(n, 1)).as("node %s after the repair", n.hostId()).isEqualTo(111);
    }
    // Later increments build on the repaired shards.
    session.execute(at("UPDATE ks.c SET n = n - 11 WHERE k = 1", ConsistencyLevel.ALL).setNode(driverNode(cluster.node(2))));
    for (RingletNode n : cluster.nodes()) {
      assertThat(countOn(n, 1)).isEqualTo(100);
    }
  }

  @Test
  void should_lead_the_increments_of_unlogged_and_counter_batches_so_a_repair_counts_them_once() {
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(cluster.node(2)).direction(MessageRule.Direction.REQUEST));
    session.execute(at("BEGIN UNLOGGED BATCH UPDATE ks.c SET n = n + 2 WHERE k = 3; UPDATE ks.c SET n = n + 3 WHERE k = 3; APPLY BATCH",
        ConsistencyLevel.QUORUM).setNode(driverNode(cluster.node(0))));
    session.execute(at("BEGIN COUNTER BATCH UPDATE ks.c SET n = n + 10 WHERE k = 3; APPLY BATCH", ConsistencyLevel.QUORUM)
        .setNode(driverNode(cluster.node(1))));
    cluster.resetFaults();
    assertThat(countOn(cluster.node(2), 3)).isNull();

    for (int i = 0; i < 2; i++) {
      assertThat(session.execute(at("SELECT n FROM ks.c WHERE k = 3", ConsistencyLevel.ALL).setNode(driverNode(cluster.node(i))))
          .one().getLong(0)).isEqualTo(15);
    }
    for (RingletNode n : cluster.nodes()) {
      assertThat(countOn(n, 3)).isEqualTo(15);
    }
  }

  @Test
  void should_refuse_counter_writes_at_any_and_serial_as_cassandra_does() {
    assertThatThrownBy(() -> session.execute(at("UPDATE ks.c SET n = n + 1 WHERE k = 1", ConsistencyLevel.ANY)))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Consistency level ANY is not yet supported for counter table c");
    assertThatThrownBy(() -> session.execute(at("BEGIN COUNTER BATCH UPDATE ks.c SET n = n + 1 WHERE k = 1; APPLY BATCH",
        ConsistencyLevel.LOCAL_SERIAL))).isInstanceOf(InvalidQueryException.class).hasMessage("Counter operations are inherently non-serializable");
    assertThatThrownBy(() -> session.execute(at("DELETE FROM ks.c WHERE k = 1", ConsistencyLevel.SERIAL)))
        .isInstanceOf(InvalidQueryException.class).hasMessage("Counter operations are inherently non-serializable");
  }

  @Test
  void should_repair_counters_read_by_a_range_scan_at_all() {
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(cluster.node(1)));
    for (int k = 0; k < 5; k++) {
      session.execute(at("UPDATE ks.c SET n = n + " + (k + 1) + " WHERE k = " + k, ConsistencyLevel.QUORUM)
          .setNode(driverNode(cluster.node(0))));
    }
    cluster.resetFaults();
    long total = 0;
    for (Row r : session.execute(at("SELECT n FROM ks.c", ConsistencyLevel.ALL).setNode(driverNode(cluster.node(2))))) {
      total += r.getLong(0);
    }
    assertThat(total).isEqualTo(15);
    for (int k = 0; k < 5; k++) {
      assertThat(countOn(cluster.node(1), k)).isEqualTo(k + 1);
    }
  }

  @Test
  void should_time_out_with_write_type_counter_when_the_leader_hears_from_too_few_replicas() {
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).from(cluster.node(0)));
    CompletableFuture<?> write = session.executeAsync(at("UPDATE ks.c SET n = n + 1 WHERE k = 1", ConsistencyLevel.QUORUM)
        .setNode(driverNode(cluster.node(0)))).toCompletableFuture();
    awaitTimeout(write);
    assertThatThrownBy(write::get).hasCauseInstanceOf(WriteTimeoutException.class).satisfies(t -> {
      WriteTimeoutException e = (WriteTimeoutException) t.getCause();
      assertThat(e.getWriteType()).isEqualTo(WriteType.COUNTER);
      assertThat(e.getConsistencyLevel()).isEqualTo(ConsistencyLevel.QUORUM);
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(2);
    });
    cluster.resetFaults();
  }

  @Test
  void should_forward_increments_to_a_replica_when_the_coordinator_is_not_one() {
    session.execute("CREATE KEYSPACE single WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    session.execute("CREATE TABLE single.c (k int PRIMARY KEY, n counter)");
    Set<Node> replicas = session.getMetadata().getTokenMap().orElseThrow()
        .getReplicas("single", TypeCodecs.INT.encode(7, ProtocolVersion.DEFAULT));
    RingletNode coordinator = cluster.nodes().stream().filter(n -> !replicas.contains(driverNode(n))).findFirst().orElseThrow();

    session.execute(at("UPDATE single.c SET n = n + 5 WHERE k = 7", ConsistencyLevel.ONE).setNode(driverNode(coordinator)));
    session.execute(at("UPDATE single.c SET n = n + 5 WHERE k = 7", ConsistencyLevel.ONE).setNode(driverNode(coordinator)));
    assertThat(session.execute(at("SELECT n FROM single.c WHERE k = 7", ConsistencyLevel.ONE)).one().getLong(0)).isEqualTo(10);

    cluster.addRule(MessageRule.drop().verb(MessageVerb.COUNTER_MUTATION));
    CompletableFuture<?> write = session.executeAsync(at("UPDATE single.c SET n = n + 1 WHERE k = 7", ConsistencyLevel.ONE)
        .setNode(driverNode(coordinator))).toCompletableFuture();
    awaitTimeout(write);
    assertThatThrownBy(write::get).hasCauseInstanceOf(WriteTimeoutException.class).satisfies(t -> {
      WriteTimeoutException e = (WriteTimeoutException) t.getCause();
      assertThat(e.getWriteType()).isEqualTo(WriteType.COUNTER);
      assertThat(e.getReceived()).isZero();
      assertThat(e.getBlockFor()).isEqualTo(1);
    });
    cluster.resetFaults();
    assertThat(session.execute(at("SELECT n FROM single.c WHERE k = 7", ConsistencyLevel.ONE)).one().getLong(0)).isEqualTo(10);
  }

  private void awaitTimeout(CompletableFuture<?> request) {
    Await.until(() -> {
      cluster.advanceClock(Duration.ofMillis(500));
      return request.isDone();
    });
  }

  /** The counter as one replica alone has it (the others isolated), or null when it has none. */
  private Long countOn(RingletNode node, int k) {
    cluster.isolate(node);
    try {
      Row row = session.execute(at("SELECT n FROM ks.c WHERE k = " + k, ConsistencyLevel.ONE).setNode(driverNode(node))).one();
      return row == null ? null : row.getLong(0);
    } finally {
      cluster.heal();
    }
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }
}
