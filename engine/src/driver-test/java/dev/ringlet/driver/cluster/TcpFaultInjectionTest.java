package dev.ringlet.driver.cluster;

import static dev.ringlet.driver.cluster.TcpProcesses.driverNode;
import static dev.ringlet.driver.cluster.TcpProcesses.member;
import static dev.ringlet.driver.cluster.TcpProcesses.own;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.node.ProcessCluster;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fault injection across processes: three nodes that only share TCP connections (each its own
 * {@link ProcessCluster}, as in three processes, here in one JVM for speed: {@link TcpProcesses}). A partition or message
 * rule set through one process's handle holds in every process, and healing it there heals it
 * everywhere.
 */
class TcpFaultInjectionTest {

  private final TcpProcesses processes = new TcpProcesses("tcp-faults");

  @AfterEach
  void close() {
    processes.close();
  }

  @Test
  void partitions_and_rules_set_through_one_process_should_hold_in_every_process() throws IOException {
    List<ProcessCluster> nodes = processes.startThree();
    ProcessCluster first = nodes.get(0);
    ProcessCluster second = nodes.get(1);
    ProcessCluster third = nodes.get(2);
    assertThat(first.nodes().get(0).hostId()).isEqualTo(own(first));
    RingletNode secondNode = member(first, own(second));
    RingletNode thirdNode = member(first, own(third));
    assertThatThrownBy(thirdNode::flush).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("another process");

    try (CqlSession session = CqlSession.builder().addContactPoint(first.contactPoints().get(0)).withLocalDatacenter("datacenter1")
        .build()) {
      Await.until(() -> session.getMetadata().getNodes().size() == 3
          && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");

      // Isolated through the first process's handle, the third misses a write the second coordinates.
      first.isolate(thirdNode);
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 'a')", ConsistencyLevel.QUORUM).setNode(driverNode(session, own(second))));
      assertThat(readOn(session, own(third), 1)).isNull();
      first.heal();
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ALL).setNode(driverNode(session, own(first))))
          .one().getString(0)).isEqualTo("a");
      assertThat(readOn(session, own(third), 1)).as("repaired once healed").isEqualTo("a");

      // A rule naming the second and third processes' nodes, added through the first process.
      first.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).from(secondNode).to(thirdNode).direction(MessageRule.Direction.REQUEST));
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (2, 'b')", ConsistencyLevel.QUORUM).setNode(driverNode(session, own(second))));
      assertThat(readOn(session, own(third), 2)).isNull();
      first.resetFaults();
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (3, 'c')", ConsistencyLevel.ALL).setNode(driverNode(session, own(second))));
      assertThat(readOn(session, own(third), 3)).isEqualTo("c");
    }
  }

  /** The value a node has on its own (a read at ONE that it coordinates is served by its own replica). */
  private static String readOn(CqlSession session, UUID node, int k) {
    Row row = session.execute(at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.ONE).setNode(driverNode(session, node))).one();
    return row == null ? null : row.getString(0);
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }
}
