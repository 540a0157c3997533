package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.RingletNode;
import dev.ringlet.driver.wait.Await;
import dev.ringlet.internal.node.ProcessCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
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
 * pushes makes that window wide enough to hit every time.
 */
class TcpSchemaAnnounceTest {

  private final List<ProcessCluster> processes = new ArrayList<>();

  @AfterEach
  void close() {
    for (ProcessCluster p : processes) {
      p.close();
    }
  }

  private ProcessCluster start(String rack, InetSocketAddress seed) {
    ClusterSpec spec = ClusterSpec.defaults().withClusterName("tcp-schema").withRack(rack).withAddress("127.0.0.1").withPort(0)
        .withNumTokens(4);
    ProcessCluster p = ProcessCluster.start(new ProcessCluster.Options(spec,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), seed == null ? List.of() : List.of(seed), Duration.ofSeconds(30)));
    processes.add(p);
    return p;
  }

  @Test
  void should_answer_a_schema_change_once_every_live_peer_installed_it() {
    ProcessCluster first = start("r1", null);
    InetSocketAddress seed = first.internodeAddress();
    ProcessCluster second = start("r2", seed);
    ProcessCluster third = start("r3", seed);
    Await.until(() -> processes.stream().allMatch(p -> p.knownMembers() == 3 && p.nodes().size() == 3));

    try (CqlSession session = CqlSession.builder().addContactPoint(first.contactPoints().get(0)).withLocalDatacenter("datacenter1")
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build()) {
      Await.until(() -> session.getMetadata().getNodes().size() == 3
          && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
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

  private static boolean hasKeyspace(CqlSession session, UUID node) {
    return session.execute(SimpleStatement.newInstance("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = 'ks'")
        .setNode(driverNode(session, node))).one() != null;
  }

  private static RingletNode member(ProcessCluster handle, UUID hostId) {
    return handle.nodes().stream().filter(n -> n.hostId().equals(hostId)).findFirst().orElseThrow();
  }

  private static UUID own(ProcessCluster p) {
    return p.nodes().get(0).hostId();
  }

  private static Node driverNode(CqlSession session, UUID hostId) {
    return session.getMetadata().getNodes().get(hostId);
  }
}
