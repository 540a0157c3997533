package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.DefaultProtocolVersion;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.cql.AsyncResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.TokenMap;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.node.LocalCluster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A lightweight transaction that times out, as Cassandra 5.0's Paxos v1 coordinator answers it: a
 * {@code CasWriteTimeoutException} whose message counts the rounds lost to contention ("CAS
 * operation timed out: received 0 of 1 required responses after 1 contention retries"), and at
 * protocol v5 the same number in the error's {@code contentions} field (its bytes are checked by
 * the wire module's {@code CasWriteTimeoutEncodingTest}; the Java driver does not expose it).
 *
 * <p>Three nodes on a manual clock, RF 1, a key whose only replica is node 1, the statements sent
 * to node 0, a write timeout of 10 s. Node 0's first prepare is held for 5 s; meanwhile node 1 runs its own conditional
 * write with a higher ballot, so the held prepare is refused (one contention) and node 0 prepares
 * again above it. Its proposal is then dropped: the propose phase times out.
 */
class CasWriteTimeoutTest {

  private RingletCluster cluster;
  private CqlSession session;

  private void start(DefaultProtocolVersion version) {
    // A write timeout above the 5 s the prepare is held, so that the held prepare is answered in time.
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true).withWriteTimeout(Duration.ofSeconds(10)));
    session = ManualClockSessions.connect(cluster, ManualClockSessions.options(Duration.ofSeconds(20))
        .withString(DefaultDriverOption.PROTOCOL_VERSION, version.name()));
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
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

  @ParameterizedTest
  @EnumSource(value = DefaultProtocolVersion.class, names = {"V5", "V4"})
  void should_count_a_refused_prepare_as_one_contention_when_the_propose_phase_times_out(DefaultProtocolVersion version)
      throws InterruptedException {
    start(version);
    RingletNode coordinator = cluster.node(0);
    RingletNode replica = cluster.node(1);
    int key = keyOwnedBy(replica);
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (" + key + ", 'old')", ConsistencyLevel.ALL));
    cluster.addRule(MessageRule.delay(Duration.ofSeconds(5)).verb(MessageVerb.PAXOS_PREPARE).from(coordinator)
        .direction(MessageRule.Direction.REQUEST));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PROPOSE).from(coordinator));

    // Given node 0's conditional write, its prepare held on the way to the replica
    CompletableFuture<AsyncResultSet> pending = session.executeAsync(
        lwt("UPDATE ks.t SET v = 'a' WHERE k = " + key + " IF v = 'old'").setNode(driverNode(coordinator))).toCompletableFuture();
    ((LocalCluster) cluster).awaitHeldMessages(1, Await.TIMEOUT); // woken by each held message
    assertThat(((LocalCluster) cluster).heldMessages()).isEqualTo(1);
    // When the replica runs a later conditional write of its own (a higher ballot) meanwhile
    cluster.advanceClock(Duration.ofSeconds(1));
    assertThat(session.execute(lwt("UPDATE ks.t SET v = 'b' WHERE k = " + key + " IF v = 'old'")
        .setNode(driverNode(replica))).wasApplied()).isTrue();
    // And time passes: the held prepare is refused, the next one promised, its proposal lost
    Throwable failure = outcome(pending);

    // Then the driver sees 5.0's CAS write timeout: SERIAL, 0 of the 1 participant, one contention
    assertThat(failure).isInstanceOfSatisfying(WriteTimeoutException.class, e -> {
      assertThat(e.getWriteType()).isEqualTo(WriteType.CAS);
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.SERIAL);
      assertThat(e.getReceived()).isZero();
      assertThat(e.getBlockFor()).isEqualTo(1);
    });
    // (the driver words its own message: the server's is in the query log)
    assertThat(lastLoggedError().errorCode()).isEqualTo(0x1100);
    assertThat(lastLoggedError().errorMessage())
        .isEqualTo("CAS operation timed out: received 0 of 1 required responses after 1 contention retries");
    cluster.resetFaults();
    assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = " + key, ConsistencyLevel.SERIAL)).one().getString(0))
        .isEqualTo("b");
  }

  @Test
  void should_report_a_timed_out_commit_as_simple_at_the_commit_level_with_no_contention() {
    start(DefaultProtocolVersion.V5);
    RingletNode coordinator = cluster.node(0);
    int key = keyOwnedBy(cluster.node(1));
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (" + key + ", 'old')", ConsistencyLevel.ALL));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_COMMIT).from(coordinator));

    CompletableFuture<AsyncResultSet> pending = session.executeAsync(
        lwt("UPDATE ks.t SET v = 'a' WHERE k = " + key + " IF v = 'old'").setNode(driverNode(coordinator))).toCompletableFuture();
    Throwable failure = outcome(pending);

    // As 5.0's doPaxos re-throws the commit's WriteTimeoutException as a CasWriteTimeoutException
    assertThat(failure).isInstanceOfSatisfying(WriteTimeoutException.class, e -> {
      assertThat(e.getWriteType()).isEqualTo(WriteType.SIMPLE);
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.QUORUM);
      assertThat(e.getReceived()).isZero();
      assertThat(e.getBlockFor()).isEqualTo(1);
    });
    assertThat(lastLoggedError().errorMessage())
        .isEqualTo("CAS operation timed out: received 0 of 1 required responses after 0 contention retries");
  }

  /** Advances the clock a second at a time until the statement ends; its failure. */
  private Throwable outcome(CompletableFuture<AsyncResultSet> pending) {
    Await.until(() -> {
      cluster.advanceClock(Duration.ofSeconds(1));
      return pending.isDone();
    });
    try {
      pending.get();
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    throw new AssertionError("the statement succeeded");
  }

  private int keyOwnedBy(RingletNode node) {
    Await.until(() -> session.getMetadata().getTokenMap().isPresent()
        && !session.getMetadata().getTokenMap().get().getReplicas("ks", session.getMetadata().getTokenMap().get()
            .newToken(TypeCodecs.INT.encodePrimitive(0, session.getContext().getProtocolVersion()))).isEmpty());
    TokenMap tokens = session.getMetadata().getTokenMap().orElseThrow();
    for (int k = 0; k < 1000; k++) {
      java.util.Set<Node> replicas = tokens.getReplicas("ks",
          tokens.newToken(TypeCodecs.INT.encodePrimitive(k, session.getContext().getProtocolVersion())));
      if (replicas.size() == 1 && replicas.iterator().next().getHostId().equals(node.hostId())) {
        return k;
      }
    }
    throw new AssertionError("no key of " + node + " among the first 1000");
  }

  private LoggedQuery lastLoggedError() {
    return cluster.queryLog().statements().stream()
        .filter(q -> q.outcome() == LoggedQuery.Outcome.ERROR)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  private static SimpleStatement lwt(String cql) {
    return at(cql, ConsistencyLevel.QUORUM).setSerialConsistencyLevel(ConsistencyLevel.SERIAL);
  }
}
