package dev.ringlet.driver.cluster;

import static dev.ringlet.driver.cluster.TcpProcesses.driverNode;
import static dev.ringlet.driver.cluster.TcpProcesses.member;
import static dev.ringlet.driver.cluster.TcpProcesses.own;
import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.RingletNode;
import dev.ringlet.driver.wait.Await;
import dev.ringlet.internal.node.ProcessCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Over TCP a schema change is answered once the live peers have it. Its push travels on its own
 * connection; when the statement was answered before, a driver's schema agreement check on another
 * node could overtake the push and find every node at the old version ("agreement" on the old
 * schema), and the next statement, sent to a node without the change, failed (MultiProcessClusterIT:
 * {@code Keyspace 'ks' doesn't exist} right after {@code CREATE KEYSPACE}). A delay rule on the
 * pushes makes that window wide enough to hit every time. A peer cut off from the coordinator is not
 * waited for: its push is known lost, and it catches up by a pull once the network heals.
 */
class TcpSchemaAnnounceTest {

  private TcpProcesses processes;

  @AfterEach
  void close() {
    processes.close();
  }

  @Test
  void should_answer_a_schema_change_once_every_live_peer_installed_it() {
    processes = new TcpProcesses("tcp-schema");
    List<ProcessCluster> nodes = processes.startThree();
    ProcessCluster first = nodes.get(0);
    ProcessCluster second = nodes.get(1);
    ProcessCluster third = nodes.get(2);

    try (CqlSession session = session(first, Duration.ofSeconds(10), DRIVER_DEFAULT_AGREEMENT_WAIT)) {
      // The second node coordinates the change. Its pushes reach their peers 300 ms late (well under
      // the 2 s a change waits for its peers at most), and so does its gossip: the driver's control
      // node (the first) would hear of the new version from neither before its agreement check. The
      // rules are set through the second process, which applies them to what it sends at once.
      RingletNode coordinator = member(second, own(second));
      second.addRule(MessageRule.delay(Duration.ofMillis(300)).verb(MessageVerb.SCHEMA_PUSH).direction(MessageRule.Direction.REQUEST));
      second.addRule(MessageRule.delay(Duration.ofMillis(300)).verb(MessageVerb.GOSSIP).from(coordinator));

      session.execute(SimpleStatement.newInstance("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}")
          .setNode(driverNode(session, own(second))));
      assertThat(hasKeyspace(session, own(first))).as("the keyspace on the first node").isTrue();
      assertThat(hasKeyspace(session, own(third))).as("the keyspace on the third node").isTrue();
      second.resetFaults();

      session.execute(SimpleStatement.newInstance("CREATE TABLE ks.t (k int PRIMARY KEY, v text)").setNode(driverNode(session, own(third))));
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (1, 'a')").setNode(driverNode(session, own(second)))
          .setConsistencyLevel(ConsistencyLevel.ALL));
      assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 1").setNode(driverNode(session, own(first))))
          .one().getString(0)).isEqualTo("a");
    }
  }

  @Test
  void should_not_wait_for_a_peer_cut_off_by_a_partition_and_catch_it_up_once_healed() {
    // Given a cluster whose schema changes would wait a minute for a silent peer, longer than the
    // driver waits for any answer (10 s, also less than gossip takes to convict a silent peer, ~18 s):
    // the change below is answered only if the wait ends when its push is known lost
    processes = new TcpProcesses("tcp-schema-cut", spec -> spec.withWriteTimeout(Duration.ofSeconds(60)));
    List<ProcessCluster> nodes = processes.startThree();
    ProcessCluster first = nodes.get(0);
    ProcessCluster second = nodes.get(1);
    ProcessCluster third = nodes.get(2);

    try (CqlSession session = session(first, Duration.ofSeconds(10), Duration.ZERO)) {
      // When the third node is cut off from the others (it stays alive to gossip's failure detector
      // for its first seconds of silence) and the second coordinates a schema change (the partition
      // is set through the second process, in force there at once, and in the others once isolate returns)
      second.isolate(member(second, own(third)));
      session.execute(SimpleStatement.newInstance("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}")
          .setNode(driverNode(session, own(second))));

      // Then the change was answered, the first node has it, and the third gets it once healed
      assertThat(hasKeyspace(session, own(first))).as("the keyspace on the first node").isTrue();
      second.heal();
      Await.until("the third node pulls the change", () -> hasKeyspace(session, own(third)));
    }
  }

  /** The driver's own schema agreement wait ({@code advanced.control-connection.schema-agreement.timeout}). */
  private static final Duration DRIVER_DEFAULT_AGREEMENT_WAIT = Duration.ofSeconds(10);

  /**
   * A session through {@code contact}'s node, once the driver sees every node UP; {@code agreementWait}
   * zero turns the driver's agreement check off (it reads gossip, which a partition holds back).
   */
  private static CqlSession session(ProcessCluster contact, Duration requestTimeout, Duration agreementWait) {
    CqlSession session = CqlSession.builder().addContactPoint(contact.contactPoints().get(0)).withLocalDatacenter("datacenter1")
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, requestTimeout)
            .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, agreementWait).build())
        .build();
    Await.until(() -> session.getMetadata().getNodes().size() == 3
        && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
    return session;
  }

  private static boolean hasKeyspace(CqlSession session, UUID node) {
    return session.execute(SimpleStatement.newInstance("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = 'ks'")
        .setNode(driverNode(session, node))).one() != null;
  }
}
