package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.ProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.ReplicaPlacement;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.node.LocalCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lightweight transactions while a node bootstraps, held in JOINING by holding its stream: the
 * joining node is a Paxos participant for the ranges it gains (Cassandra 5.0's Paxos v1 counts
 * pending replicas), so a value chosen during the join survives the node that leaves the replica
 * set, and rounds keep their linearizability. RF=3 on three nodes, SimpleStrategy: every key's
 * replicas are the three nodes before the join; for the keys the new node gains, one of them (the
 * "leaving" replica of that key) hands its place over.
 */
class LwtDuringBootstrapTest {

  private static final int RF = 3;
  /**
   * Holds the joining node's stream for longer than the test advances the clock while the node
   * joins (the joining node waits 10 s of cluster clock for its stream).
   */
  private static final Duration STREAM_HOLD = Duration.ofSeconds(8);

  private RingletCluster cluster;
  private CqlSession session;
  private CompletableFuture<RingletNode> joining;
  /**
   * Threads for the join and the concurrent clients: each blocks until the test advances the clock or
   * the others progress, so each needs its own thread (the common pool may have a single worker).
   */
  private final ExecutorService threads = Executors.newCachedThreadPool();

  /** One key the joining node gains, with the roles of the three old replicas for it. */
  private record Gained(int key, RingletNode stays1, RingletNode stays2, RingletNode leaves) {}

  @BeforeEach
  void startJoin() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(20))
            .build())
        .build();
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': " + RF + "}");
    session.execute("CREATE TABLE ks.reg (k int PRIMARY KEY, v int)");
    // The stream's answer is held: the new node stays JOINING, a pending replica, until the clock passes the hold.
    cluster.addRule(MessageRule.delay(STREAM_HOLD).verb(MessageVerb.STREAM).direction(MessageRule.Direction.RESPONSE));
    joining = CompletableFuture.supplyAsync(() -> cluster.addNode("datacenter1", "rack1"), threads);
    Await.until(() -> ((LocalCluster) cluster).membershipChangeUnderWay());
  }

  @AfterEach
  void stop() {
    threads.shutdownNow();
    if (session != null) {
      session.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_keep_a_value_chosen_during_the_join_once_the_replica_that_had_it_left() throws Exception {
    // Given concurrent compare-and-set increments through every old node while the node joins
    List<Gained> gained = keysGainedByTheJoiningNode(2);
    int counterKey = gained.get(0).key();
    session.execute(lwt("INSERT INTO ks.reg (k, v) VALUES (" + counterKey + ", 0) IF NOT EXISTS", cluster.node(0)));
    Set<Integer> replaced = ConcurrentHashMap.newKeySet();
    AtomicInteger unknown = new AtomicInteger();
    List<CompletableFuture<Void>> clients = new ArrayList<>();
    for (RingletNode coordinator : cluster.nodes()) {
      clients.add(CompletableFuture.runAsync(() -> increment(counterKey, coordinator, 10, replaced, unknown), threads));
    }
    CompletableFuture.allOf(clients.toArray(new CompletableFuture[0])).get();
    // Then every applied increment replaced a distinct value, and the value counts each of them once,
    // plus those whose outcome was unknown (partially accepted under contention) that took effect
    int value = serialRead(counterKey, cluster.node(1));
    assertThat(replaced).hasSize(30).allSatisfy(v -> assertThat(v).isLessThan(value));
    assertThat(value).isBetween(30, 30 + unknown.get());

    // Given a value accepted by one replica that stays, the one that leaves and the joining node
    // (the other staying replica misses the proposal), whose commit reaches nobody but the coordinator
    Gained g = gained.get(1);
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PROPOSE).to(g.stays2()));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_COMMIT));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION));
    CompletionStage<AsyncResultSet> insert = session.executeAsync(
        lwt("INSERT INTO ks.reg (k, v) VALUES (" + g.key() + ", 7) IF NOT EXISTS", g.stays1()));
    Throwable failure = awaitWithClock(insert);
    awaitReconnected(g.stays1());
    // Then the commit times out as 5.0's does: QUORUM (2) plus the pending replica, only the coordinator acknowledged
    assertThat(failure).isInstanceOfSatisfying(WriteTimeoutException.class, e -> {
      assertThat(e.getWriteType()).isEqualTo(WriteType.SIMPLE);
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.QUORUM);
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(3);
    });
    cluster.heal(); // the stream stays held: heal delivers only what is due

    // When the join completes and the coordinator, the only replica that committed it, stops
    RingletNode added = finishJoin();
    g.stays1().stop();
    // Then a serial read through the other staying replica finds it: the joining node had accepted it
    assertThat(serialRead(g.key(), g.stays2())).isEqualTo(7);
    // And the new replicas go on from it
    assertThat(session.execute(lwt("UPDATE ks.reg SET v = 8 WHERE k = " + g.key() + " IF v = 7", g.stays2())).wasApplied()).isTrue();
    assertThat(serialRead(counterKey, g.stays2())).isEqualTo(value);
    assertThat(added.isRunning()).isTrue();
  }

  @Test
  void should_require_a_quorum_of_natural_and_pending_replicas_and_hear_the_joining_node() throws Exception {
    Gained g = keysGainedByTheJoiningNode(1).get(0);
    // Prepare reaches only the coordinator and the joining node: 2 of the 3 required (RF 3 + 1 pending = 4 participants)
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PREPARE).to(g.stays2()));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PREPARE).to(g.leaves()));
    Throwable failure = awaitWithClock(session.executeAsync(
        lwt("INSERT INTO ks.reg (k, v) VALUES (" + g.key() + ", 1) IF NOT EXISTS", g.stays1())));
    awaitReconnected(g.stays1());
    assertThat(failure).isInstanceOfSatisfying(WriteTimeoutException.class, e -> {
      assertThat(e.getWriteType()).isEqualTo(WriteType.CAS);
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.SERIAL);
      assertThat(e.getReceived()).as("the coordinator and the joining node promised").isEqualTo(2);
      assertThat(e.getBlockFor()).isEqualTo(3);
    });
    cluster.heal();
    // With one old replica unreachable, the joining node completes the quorum of 3.
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PREPARE).to(g.leaves()));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PROPOSE).to(g.leaves()));
    assertThat(session.execute(lwt("INSERT INTO ks.reg (k, v) VALUES (" + g.key() + ", 2) IF NOT EXISTS", g.stays1()))
        .wasApplied()).isTrue();
    cluster.heal();
    finishJoin();
    assertThat(serialRead(g.key(), g.stays2())).isEqualTo(2);
  }

  // ------------------------------------------------------------------ helpers

  /**
   * Compare-and-set increments until {@code times} applied; records the value each one replaced,
   * and counts those whose outcome is unknown (a CAS write timeout: partially accepted, under
   * contention from the other clients).
   */
  @Test
  void should_give_the_joining_node_the_counter_increments_made_while_it_joins() throws Exception {
    // Given increments of keys the joining node gains, through every old node, while it is JOINING
    session.execute("CREATE TABLE ks.hits (k int PRIMARY KEY, n counter)");
    List<Gained> gained = keysGainedByTheJoiningNode(3);
    for (Gained g : gained) {
      for (RingletNode coordinator : cluster.nodes()) {
        session.execute(SimpleStatement.newInstance("UPDATE ks.hits SET n = n + 2 WHERE k = " + g.key())
            .setConsistencyLevel(DefaultConsistencyLevel.QUORUM).setNode(driverNode(coordinator)));
      }
    }
    // When the join completes (its stream was taken before those increments)
    RingletNode added = finishJoin();
    // Then the new replica alone has every increment: the leader sent its shards to the pending replica too
    Map<Integer, Long> seen = new java.util.HashMap<>();
    Await.until(() -> { // once the driver has a connection to the new node
      try {
        for (Gained g : gained) {
          seen.put(g.key(), session.execute(SimpleStatement.newInstance("SELECT n FROM ks.hits WHERE k = " + g.key())
              .setConsistencyLevel(DefaultConsistencyLevel.ONE).setNode(driverNode(added))).one().getLong(0));
        }
        return true;
      } catch (com.datastax.oss.driver.api.core.AllNodesFailedException | NullPointerException notYet) {
        return false;
      }
    });
    for (Gained g : gained) {
      assertThat(seen.get(g.key())).as("key %d read at ONE from the node that joined", g.key()).isEqualTo(6L);
    }
  }

  private void increment(int key, RingletNode coordinator, int times, Set<Integer> replaced, AtomicInteger unknown) {
    int applied = 0;
    while (applied < times) {
      int current = serialRead(key, coordinator);
      try {
        ResultSet rs = session.execute(lwt("UPDATE ks.reg SET v = " + (current + 1) + " WHERE k = " + key + " IF v = " + current,
            coordinator));
        if (rs.wasApplied()) {
          assertThat(replaced.add(current)).as("value " + current + " replaced twice").isTrue();
          applied++;
        }
      } catch (WriteTimeoutException e) {
        assertThat(e.getWriteType()).isEqualTo(WriteType.CAS);
        unknown.incrementAndGet();
      } catch (CASWriteUnknownException e) {
        unknown.incrementAndGet();
      }
    }
  }

  /** A SERIAL read, again when contention left its (empty) proposal partially accepted, as a client would. */
  private int serialRead(int key, RingletNode coordinator) {
    Row row;
    while (true) {
      try {
        row = session.execute(SimpleStatement.newInstance("SELECT v FROM ks.reg WHERE k = " + key)
            .setConsistencyLevel(ConsistencyLevel.SERIAL).setNode(driverNode(coordinator))).one();
        break;
      } catch (CASWriteUnknownException contended) {
        // nothing was written: read again
      }
    }
    assertThat(row).as("row " + key).isNotNull();
    return row.getInt(0);
  }

  private SimpleStatement lwt(String cql, RingletNode coordinator) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.QUORUM)
        .setSerialConsistencyLevel(ConsistencyLevel.SERIAL).setNode(driverNode(coordinator));
  }

  /** Advances the cluster clock a second at a time until the request ends; its failure, or null. */
  private Throwable awaitWithClock(CompletionStage<AsyncResultSet> request) {
    CompletableFuture<AsyncResultSet> f = request.toCompletableFuture();
    Await.until(() -> {
      if (!f.isDone()) {
        cluster.advanceClock(Duration.ofSeconds(1));
      }
      return f.isDone();
    });
    try {
      f.get();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  /**
   * Waits until the driver can send to {@code node} again. At protocol v5 a CAS write timeout ends
   * with its contentions, which the Java driver does not read: it fails to decode the rest of the
   * segment and closes that connection (against Cassandra 5.0 too), then its pool reconnects.
   */
  private void awaitReconnected(RingletNode node) {
    SimpleStatement probe = SimpleStatement.newInstance("SELECT release_version FROM system.local").setNode(driverNode(node));
    Await.until(() -> {
      try {
        session.execute(probe);
        return true;
      } catch (com.datastax.oss.driver.api.core.AllNodesFailedException e) {
        return false;
      }
    });
  }

  private RingletNode finishJoin() throws Exception {
    Await.until(() -> {
      cluster.advanceClock(Duration.ofSeconds(1));
      return joining.isDone();
    });
    return joining.get();
  }

  /** Keys the joining node gains, each with the old replicas that keep it and the one that hands it over. */
  private List<Gained> keysGainedByTheJoiningNode(int count) {
    Ring future = ((LocalCluster) cluster).futureRing();
    Set<UUID> old = new HashSet<>();
    cluster.nodes().forEach(n -> old.add(n.hostId()));
    List<Gained> out = new ArrayList<>();
    for (int k = 0; out.size() < count; k++) {
      long token = Murmur3Partitioner.token(TypeCodecs.INT.encode(k, ProtocolVersion.DEFAULT));
      List<Endpoint> replicas = ReplicaPlacement.replicas(future, ReplicaPlacement.SIMPLE, Map.of("", RF), token);
      List<RingletNode> stays = new ArrayList<>();
      boolean gainedByNew = false;
      for (Endpoint e : replicas) {
        if (old.contains(e.hostId())) {
          stays.add(handle(e.hostId()));
        } else {
          gainedByNew = true;
        }
      }
      if (gainedByNew) {
        RingletNode leaves = cluster.nodes().stream().filter(n -> !stays.contains(n)).findFirst().orElseThrow();
        out.add(new Gained(k, stays.get(0), stays.get(1), leaves));
      }
    }
    return out;
  }

  private RingletNode handle(UUID hostId) {
    return cluster.nodes().stream().filter(n -> n.hostId().equals(hostId)).findFirst().orElseThrow();
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }
}
