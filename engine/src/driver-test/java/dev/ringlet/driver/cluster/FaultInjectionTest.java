package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.node.LocalCluster;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graceful stops, pauses, delays, schema catch-up and counters on a 3-node RF=3 cluster with a manual clock. */
class FaultInjectionTest {

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
    session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
  }

  @AfterEach
  void stop() {
    session.close();
    cluster.close();
  }

  @Test
  void should_mark_a_gracefully_stopped_node_down_at_once_and_catch_it_up_on_schema_when_it_returns() {
    // Not the node the driver's control connection uses: its schema agreement and post-DDL refresh go through that
    // connection, and a DDL while the driver re-opens it meets a driver defect that makes later DDL time out (once,
    // in a full-suite run, it took the whole 10 s request timeout; see DriverSchemaRefreshStallTest).
    RingletNode stopped = notTheControlNode();
    stopped.stop();
    DriverNodeStates.await(session, stopped.hostId(), NodeState.DOWN);
    // No clock advance: the peers were told. The schema changes while it is away.
    RingletNode live = cluster.nodes().stream().filter(n -> n != stopped).findFirst().orElseThrow();
    session.execute(SimpleStatement.newInstance("CREATE TABLE ks.later (k int PRIMARY KEY, n int)").setNode(driverNode(live)));
    session.execute(at("INSERT INTO ks.later (k, n) VALUES (1, 1)", ConsistencyLevel.QUORUM));

    stopped.start();
    DriverNodeStates.await(session, stopped.hostId(), NodeState.UP);
    // the returning node pulls the schema while the driver hears it is UP: agreement follows, without a clock advance
    Await.until(session::checkSchemaAgreement);
    cluster.isolate(stopped);
    SimpleStatement read = at("SELECT n FROM ks.later WHERE k = 1", ConsistencyLevel.ONE).setNode(driverNode(stopped));
    assertThat(session.execute(read).one().getInt(0)).as("the hint for the new table was replayed").isEqualTo(1);
  }

  private RingletNode notTheControlNode() {
    java.net.SocketAddress control = ((com.datastax.oss.driver.internal.core.context.InternalDriverContext) session.getContext())
        .getControlConnection().channel().getEndPoint().resolve();
    for (RingletNode n : cluster.nodes()) {
      if (!n.nativeAddress().equals(control)) {
        return n;
      }
    }
    throw new AssertionError("every node is the control node");
  }

  @Test
  void should_answer_after_a_paused_replica_resumes_and_time_out_while_it_does_not() throws Exception {
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 'a')", ConsistencyLevel.ALL));
    RingletNode paused = cluster.node(2);
    paused.pause();
    CompletableFuture<?> read = session.executeAsync(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ALL)
        .setNode(driverNode(cluster.node(0)))).toCompletableFuture();
    LocalCluster local = (LocalCluster) cluster;
    local.awaitHeldMessages(1, Duration.ofSeconds(30)); // the read waits for the paused replica
    assertThat(read).isNotDone();
    paused.resume();
    assertThat(read.get()).isNotNull();

    paused.pause();
    assertThat(local.heldMessages()).as("nothing of the first read is still held").isZero();
    CompletableFuture<?> timesOut = session.executeAsync(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ALL)
        .setNode(driverNode(cluster.node(0)))).toCompletableFuture();
    // The clock moves only once the coordinator has sent its read (held for the paused replica): the
    // request reaches it on the driver's threads, and a clock moved before that would let the
    // coordinator's failure detector convict the silent replica (18 s of gossip) and answer Unavailable.
    local.awaitHeldMessages(1, Duration.ofSeconds(30));
    cluster.advanceClock(Duration.ofSeconds(5)); // the read timeout (ClusterSpec.readTimeout default), not the 18 s of a conviction
    assertThatThrownBy(timesOut::get).hasCauseInstanceOf(ReadTimeoutException.class).satisfies(t -> {
      ReadTimeoutException e = (ReadTimeoutException) t.getCause();
      assertThat(e.getBlockFor()).isEqualTo(3);
      assertThat(e.getReceived()).isEqualTo(2);
      assertThat(e.wasDataPresent()).isTrue();
    });
    cluster.resetFaults();
  }

  @Test
  void should_deliver_delayed_messages_when_the_clock_reaches_their_time() throws Exception {
    cluster.addRule(MessageRule.delay(Duration.ofMillis(1500)).verb(MessageVerb.MUTATION).to(cluster.node(1)));
    // ONE is met by the coordinator's own replica; the delayed replica gets the write later.
    session.execute(at("INSERT INTO ks.t (k, v) VALUES (2, 'late')", ConsistencyLevel.ONE).setNode(driverNode(cluster.node(0))));
    cluster.isolate(cluster.node(1));
    SimpleStatement onDelayed = at("SELECT v FROM ks.t WHERE k = 2", ConsistencyLevel.ONE).setNode(driverNode(cluster.node(1)));
    assertThat(session.execute(onDelayed).one()).isNull();
    cluster.heal();
    cluster.addRule(MessageRule.delay(Duration.ofMillis(1500)).verb(MessageVerb.MUTATION).to(cluster.node(1)));
    cluster.advanceClock(Duration.ofSeconds(2));
    cluster.isolate(cluster.node(1));
    assertThat(session.execute(onDelayed).one().getString(0)).isEqualTo("late");
  }

  @Test
  void should_count_each_increment_once_across_replicas() {
    session.execute("CREATE TABLE ks.c (k int PRIMARY KEY, n counter)");
    for (int i = 0; i < 9; i++) {
      Node coordinator = driverNode(cluster.node(i % 3));
      session.execute(at("UPDATE ks.c SET n = n + 1 WHERE k = 0", ConsistencyLevel.QUORUM).setNode(coordinator));
    }
    assertThat(session.execute(at("SELECT n FROM ks.c WHERE k = 0", ConsistencyLevel.ALL)).one().getLong(0)).isEqualTo(9);
    assertThat(session.execute(at("SELECT n FROM ks.c", ConsistencyLevel.QUORUM)).one().getLong(0)).isEqualTo(9);
    for (RingletNode n : cluster.nodes()) {
      cluster.isolate(n);
      SimpleStatement one = at("SELECT n FROM ks.c WHERE k = 0", ConsistencyLevel.ONE).setNode(driverNode(n));
      assertThat(session.execute(one).one().getLong(0)).isEqualTo(9);
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
