package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.WriteFailureException;
import com.datastax.oss.driver.api.core.servererrors.WriteType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * WRITE_FAILURE end to end on a 3-node cluster at RF 3: replicas that fail a write answer a
 * failure at once (5.0's coordinators send mutations with {@code CALL_BACK_ON_FAILURE}), and the
 * coordinator answers WRITE_FAILURE as soon as too few replicas are left for the level, with the
 * level, the acknowledgements received, block for, the number of failures (v5: each failed replica
 * with its reason code, here 3, INCOMPATIBLE_SCHEMA: the replicas missed the table's creation) and
 * the write type. A level the other replicas can still meet succeeds; other tables, other writes
 * and the connections are unaffected. (A replica whose commit-log disk fails answers nothing
 * instead, as 5.0's {@code commit_failure_policy: stop}: see {@link DiskFailurePolicyTest}.)
 */
class WriteFailureTest {

  private static CqlSession connect(RingletCluster cluster, String protocolVersion) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withString(DefaultDriverOption.PROTOCOL_VERSION, protocolVersion)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            // two nodes miss a schema change on purpose: don't wait for an agreement that cannot come
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ZERO)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  private static Node driverNode(CqlSession session, RingletNode node) {
    return session.getMetadata().getNodes().values().stream().filter(n -> node.hostId().equals(n.getHostId())).findFirst()
        .orElseThrow();
  }

  private static WriteFailureException writeFailure(CqlSession session, String cql, ConsistencyLevel level, Node coordinator) {
    try {
      session.execute(SimpleStatement.newInstance(cql).setConsistencyLevel(level).setNode(coordinator));
    } catch (WriteFailureException e) {
      return e;
    }
    throw new AssertionError("expected a WriteFailureException at " + level);
  }

  @ParameterizedTest
  @ValueSource(strings = {"V4", "V5"})
  void should_answer_write_failure_with_the_replicas_that_failed(String protocolVersion) {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = connect(cluster, protocolVersion)) {
      RingletNode first = cluster.nodes().get(0);
      session.execute(SimpleStatement.newInstance(
          "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}")
          .setNode(driverNode(session, first)));
      session.execute(SimpleStatement.newInstance("CREATE TABLE ks.t (k int PRIMARY KEY, v int)")
          .setNode(driverNode(session, first)));
      // Given two replicas that miss the creation of ks.late (its schema is neither pushed nor pulled)
      for (int i = 1; i <= 2; i++) {
        cluster.addRule(MessageRule.drop().verb(MessageVerb.SCHEMA_PUSH).to(cluster.nodes().get(i)));
        cluster.addRule(MessageRule.drop().verb(MessageVerb.SCHEMA_PULL).from(cluster.nodes().get(i)));
      }
      Node coordinator = driverNode(session, first);
      session.execute(SimpleStatement.newInstance("CREATE TABLE ks.late (k int PRIMARY KEY, v int)").setNode(coordinator));
      InetAddress second = cluster.nodes().get(1).nativeAddress().getAddress();
      InetAddress third = cluster.nodes().get(2).nativeAddress().getAddress();

      // ONE: the coordinator's own replica is enough
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.late (k, v) VALUES (1, 1)")
          .setConsistencyLevel(ConsistencyLevel.ONE).setNode(coordinator));

      // QUORUM: both other replicas fail, so the level cannot be met
      WriteFailureException quorum = writeFailure(session, "INSERT INTO ks.late (k, v) VALUES (2, 2)",
          ConsistencyLevel.QUORUM, coordinator);
      assertThat(quorum.getConsistencyLevel()).isEqualTo(ConsistencyLevel.QUORUM);
      assertThat(quorum.getReceived()).isEqualTo(1);
      assertThat(quorum.getBlockFor()).isEqualTo(2);
      assertThat(quorum.getNumFailures()).isEqualTo(2);
      assertThat(quorum.getWriteType()).isEqualTo(WriteType.SIMPLE);
      assertThat(quorum.getReasonMap()).isEqualTo(protocolVersion.equals("V5") ? Map.of(second, 3, third, 3) : Map.of());
      // the driver words the message from the error's fields
      assertThat(quorum.getMessage()).isEqualTo("Cassandra failure during write query at consistency QUORUM"
          + " (2 responses were required but only 1 replica responded, 2 failed)");

      // ALL: the first failure is enough to give up
      WriteFailureException all = writeFailure(session, "UPDATE ks.late SET v = 3 WHERE k = 3", ConsistencyLevel.ALL,
          coordinator);
      assertThat(all.getConsistencyLevel()).isEqualTo(ConsistencyLevel.ALL);
      assertThat(all.getReceived()).isEqualTo(1);
      assertThat(all.getBlockFor()).isEqualTo(3);
      assertThat(all.getNumFailures()).isBetween(1, 2);
      assertThat(all.getWriteType()).isEqualTo(WriteType.SIMPLE);
      if (protocolVersion.equals("V5")) {
        assertThat(all.getReasonMap()).hasSize(all.getNumFailures()).containsAnyOf(Map.entry(second, 3), Map.entry(third, 3));
      } else {
        assertThat(all.getReasonMap()).isEmpty();
      }

      // a logged batch's write type is BATCH
      WriteFailureException batch = writeFailure(session,
          "BEGIN BATCH INSERT INTO ks.late (k, v) VALUES (4, 4); INSERT INTO ks.t (k, v) VALUES (4, 4); APPLY BATCH",
          ConsistencyLevel.QUORUM, coordinator);
      assertThat(batch.getWriteType()).isEqualTo(WriteType.BATCH);
      assertThat(batch.getNumFailures()).isEqualTo(2);

      // other writes, other coordinators and the same connections are unaffected
      for (RingletNode n : cluster.nodes()) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (10, 10)")
            .setConsistencyLevel(ConsistencyLevel.ALL).setNode(driverNode(session, n)));
      }
      assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 10")
          .setConsistencyLevel(ConsistencyLevel.ALL)).one().getInt("v")).isEqualTo(10);
      assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.late WHERE k = 1")
          .setConsistencyLevel(ConsistencyLevel.ONE).setNode(coordinator)).one().getInt("v")).isEqualTo(1);
      for (RingletNode n : cluster.nodes()) {
        assertThat(driverNode(session, n).getOpenConnections()).as("connections to %s", n.nativeAddress()).isPositive();
      }
    }
  }
}
