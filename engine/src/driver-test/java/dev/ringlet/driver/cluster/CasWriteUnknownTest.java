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
import com.datastax.oss.driver.api.core.servererrors.CASWriteUnknownException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Paxos proposal accepted by some participants but not a quorum, once every participant answered:
 * Cassandra 5.0 (Paxos v1, its default) answers {@code CAS_WRITE_UNKNOWN} (0x1700: the serial
 * level, acceptances, required) at protocol v5, and a {@code WriteTimeout} with write type
 * {@code CAS} and the same numbers below v5. Conditional writes whose condition fails and SERIAL
 * reads propose an empty update, so they can end the same way.
 *
 * <p>Three nodes, RF 3: participants are the three replicas, two acceptances required. The
 * coordinator (node 0) prepares, then its proposal to the two others is held; node 1 meanwhile runs
 * a conditional write of its own with a higher ballot through nodes 1 and 2 only (its prepare to
 * node 0 is dropped, so it never sees node 0's accepted proposal). Released, the held proposal is
 * refused by both: accepted by 1 (the coordinator's own replica) of 2.
 */
class CasWriteUnknownTest {

  private RingletCluster cluster;
  private CqlSession v5;
  private CqlSession v4;

  @BeforeEach
  void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    v5 = session(DefaultProtocolVersion.V5);
    v4 = session(DefaultProtocolVersion.V4);
    v5.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    v5.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
  }

  private CqlSession session(DefaultProtocolVersion version) {
    return ManualClockSessions.connect(cluster, ManualClockSessions.options(Duration.ofSeconds(20))
        .withString(DefaultDriverOption.PROTOCOL_VERSION, version.name()));
  }

  @AfterEach
  void stop() {
    for (CqlSession s : new CqlSession[] {v5, v4}) {
      if (s != null) {
        s.close();
      }
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_answer_cas_write_unknown_at_v5_when_a_proposal_is_accepted_by_one_of_two_required() throws InterruptedException {
    // Given a row, and a conditional write from node 0 whose proposal only its own replica accepts
    v5.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 'old')", ConsistencyLevel.ALL));
    Throwable failure = partiallyAccepted(v5, lwt("UPDATE ks.t SET v = 'a' WHERE k = 1 IF v = 'old'", ConsistencyLevel.SERIAL), 1);
    // Then the driver sees 5.0's CAS_WRITE_UNKNOWN with the serial level, 1 accepted, 2 required
    assertThat(failure).isInstanceOfSatisfying(CASWriteUnknownException.class, e -> {
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.SERIAL);
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(2);
    });
    // And the competing write won: the partially accepted proposal was superseded, never chosen
    assertThat(serialRead(1)).isEqualTo("b");
    assertThat(lastLoggedError().errorCode()).isEqualTo(0x1700);
    assertThat(lastLoggedError().errorMessage()).isEqualTo("CAS operation result is unknown - proposal accepted by 1 but not a quorum.");
  }

  @Test
  void should_answer_a_cas_write_timeout_at_v4_in_the_same_situation() throws InterruptedException {
    v4.execute(at("INSERT INTO ks.t (k, v) VALUES (2, 'old')", ConsistencyLevel.ALL));
    Throwable failure = partiallyAccepted(v4, lwt("UPDATE ks.t SET v = 'a' WHERE k = 2 IF v = 'old'", ConsistencyLevel.SERIAL), 2);
    assertThat(failure).isInstanceOfSatisfying(WriteTimeoutException.class, e -> {
      assertThat(e.getWriteType()).isEqualTo(WriteType.CAS);
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.SERIAL);
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(2);
    });
    assertThat(lastLoggedError().errorCode()).isEqualTo(0x1100);
    assertThat(lastLoggedError().errorMessage()).isEqualTo("Operation timed out - received only 1 responses.");
    assertThat(serialRead(2)).isEqualTo("b");
  }

  @Test
  void should_carry_local_serial_when_the_round_was_local_serial() throws InterruptedException {
    v5.execute(at("INSERT INTO ks.t (k, v) VALUES (3, 'old')", ConsistencyLevel.ALL));
    Throwable failure = partiallyAccepted(v5,
        lwt("UPDATE ks.t SET v = 'a' WHERE k = 3 IF v = 'old'", ConsistencyLevel.LOCAL_SERIAL), 3);
    assertThat(failure).isInstanceOfSatisfying(CASWriteUnknownException.class, e -> {
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.LOCAL_SERIAL);
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(2);
    });
  }

  @Test
  void should_answer_cas_write_unknown_for_a_failed_condition_whose_empty_proposal_is_partially_accepted() throws InterruptedException {
    // A condition that does not hold still proposes an empty update (5.0's linearizable Paxos v1)
    v5.execute(at("INSERT INTO ks.t (k, v) VALUES (4, 'old')", ConsistencyLevel.ALL));
    Throwable failure = partiallyAccepted(v5, lwt("UPDATE ks.t SET v = 'a' WHERE k = 4 IF v = 'other'", ConsistencyLevel.SERIAL), 4);
    assertThat(failure).isInstanceOfSatisfying(CASWriteUnknownException.class, e -> {
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(2);
    });
    assertThat(serialRead(4)).isEqualTo("b");
  }

  @Test
  void should_answer_cas_write_unknown_for_a_serial_read_whose_empty_proposal_is_partially_accepted() throws InterruptedException {
    v5.execute(at("INSERT INTO ks.t (k, v) VALUES (5, 'old')", ConsistencyLevel.ALL));
    Throwable failure = partiallyAccepted(v5, at("SELECT v FROM ks.t WHERE k = 5", ConsistencyLevel.SERIAL), 5);
    assertThat(failure).isInstanceOfSatisfying(CASWriteUnknownException.class, e -> {
      assertThat(e.getConsistencyLevel()).isEqualTo(DefaultConsistencyLevel.SERIAL);
      assertThat(e.getReceived()).isEqualTo(1);
      assertThat(e.getBlockFor()).isEqualTo(2);
    });
    // An accepted empty proposal is never replayed or committed: the row is the competing write's
    assertThat(serialRead(5)).isEqualTo("b");
  }

  @Test
  void should_apply_a_non_applying_condition_after_its_empty_proposal_is_accepted_without_writing() {
    // Given a condition that fails: its empty proposal is accepted by every replica, nothing is committed
    v5.execute(at("INSERT INTO ks.t (k, v) VALUES (6, 'old')", ConsistencyLevel.ALL));
    assertThat(v5.execute(lwt("UPDATE ks.t SET v = 'a' WHERE k = 6 IF v = 'other'", ConsistencyLevel.SERIAL)
        .setNode(driverNode(cluster.node(0)))).wasApplied()).isFalse();
    // Then a later round from another node does not replay it, and the row is unchanged
    assertThat(v5.execute(lwt("UPDATE ks.t SET v = 'c' WHERE k = 6 IF v = 'old'", ConsistencyLevel.SERIAL)
        .setNode(driverNode(cluster.node(1)))).wasApplied()).isTrue();
    assertThat(serialRead(6)).isEqualTo("c");
  }

  /**
   * Runs {@code statement} through node 0 while its proposal to nodes 1 and 2 is held, lets node 1
   * win the key with {@code v = 'b'} meanwhile, releases the held proposals; the statement's failure.
   */
  private Throwable partiallyAccepted(CqlSession session, SimpleStatement statement, int key) throws InterruptedException {
    RingletNode coordinator = cluster.node(0);
    RingletNode competitor = cluster.node(1);
    cluster.addRule(MessageRule.delay(Duration.ofSeconds(1)).verb(MessageVerb.PAXOS_PROPOSE).from(coordinator)
        .direction(MessageRule.Direction.REQUEST));
    cluster.addRule(MessageRule.drop().verb(MessageVerb.PAXOS_PREPARE).from(competitor).to(coordinator));
    CompletableFuture<AsyncResultSet> pending = session.executeAsync(statement.setNode(driverNode(session, coordinator)))
        .toCompletableFuture();
    // When its proposal is on its way to the two other replicas
    ((LocalCluster) cluster).awaitHeldMessages(2, Await.TIMEOUT); // woken by each held message
    assertThat(((LocalCluster) cluster).heldMessages()).isEqualTo(2);
    // And node 1 wins the key with a higher ballot through itself and node 2
    assertThat(session.execute(lwt("UPDATE ks.t SET v = 'b' WHERE k = " + key + " IF v = 'old'", ConsistencyLevel.SERIAL)
        .setNode(driverNode(session, competitor))).wasApplied()).isTrue();
    assertThat(pending).isNotDone();
    // Then the held proposal reaches them a second later and both refuse it
    cluster.advanceClock(Duration.ofSeconds(1));
    Throwable failure = null;
    try {
      pending.get();
    } catch (ExecutionException e) {
      failure = e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    cluster.heal();
    assertThat(failure).as("the statement's outcome").isNotNull();
    return failure;
  }

  private String serialRead(int key) {
    return v5.execute(at("SELECT v FROM ks.t WHERE k = " + key, ConsistencyLevel.SERIAL)).one().getString(0);
  }

  /** The last statement that failed, with the server's own code and message, as the query log recorded it. */
  private LoggedQuery lastLoggedError() {
    return cluster.queryLog().statements().stream()
        .filter(q -> q.outcome() == LoggedQuery.Outcome.ERROR)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  private static SimpleStatement lwt(String cql, ConsistencyLevel serial) {
    return at(cql, ConsistencyLevel.QUORUM).setSerialConsistencyLevel(serial);
  }

  private com.datastax.oss.driver.api.core.metadata.Node driverNode(RingletNode n) {
    return driverNode(v5, n);
  }

  private static com.datastax.oss.driver.api.core.metadata.Node driverNode(CqlSession session, RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }
}
