package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.node.ProcessCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three nodes that only share TCP connections (each its own {@link ProcessCluster}, as in three
 * processes, here in one JVM for speed): they find each other through a seed, the driver sees one
 * cluster of three, RF=3 QUORUM works, and a node that goes away is seen DOWN.
 */
class TcpClusterTest {

  private final List<ProcessCluster> nodes = new ArrayList<>();

  @AfterEach
  void close() {
    for (ProcessCluster n : nodes) {
      n.close();
    }
  }


  private final java.util.Map<String, Integer> nativePorts = new java.util.HashMap<>();

  /**
   * Starts the node of {@code rack}: the first time on free ports it binds itself (0), a restart on
   * the native port it had, as a real node's (the internode port is the caller's: it names the node).
   *
   * @param seed null for the first node, alone
   */
  private ProcessCluster start(String rack, int internodePort, InetSocketAddress seed) {
    ClusterSpec spec = ClusterSpec.defaults().withClusterName("tcp-test").withRack(rack).withAddress("127.0.0.1")
        .withPort(nativePorts.getOrDefault(rack, 0)).withNumTokens(4);
    ProcessCluster n = ProcessCluster.start(new ProcessCluster.Options(spec,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), internodePort), seed == null ? List.of() : List.of(seed),
        Duration.ofSeconds(30)));
    nodes.add(n);
    nativePorts.put(rack, n.contactPoints().get(0).getPort());
    return n;
  }

  @Test
  void three_nodes_over_tcp_should_form_one_cluster_that_survives_losing_one() throws IOException {
    ProcessCluster first = start("r1", 0, null);
    InetSocketAddress seed = first.internodeAddress();
    start("r2", 0, seed);
    ProcessCluster third = start("r3", 0, seed);
    int thirdPort = third.internodeAddress().getPort();
    Await.until(() -> nodes.stream().allMatch(n -> n.knownMembers() == 3));

    try (CqlSession session = TcpProcesses.connect(first, 3)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      assertThat(session.checkSchemaAgreement()).isTrue();
      session.execute("CREATE TABLE ks.t (k int, c int, v text, s set<int>, PRIMARY KEY (k, c))");
      for (int k = 0; k < 20; k++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, c, v, s) VALUES (?, 1, ?, {1, 2})", k, "v" + k)
            .setConsistencyLevel(ConsistencyLevel.ALL));
      }
      session.execute(SimpleStatement.newInstance("DELETE FROM ks.t WHERE k = 0 AND c > 0").setConsistencyLevel(ConsistencyLevel.ALL));
      assertThat(session.execute(SimpleStatement.newInstance("SELECT count(*) FROM ks.t").setConsistencyLevel(ConsistencyLevel.ALL))
          .one().getLong(0)).isEqualTo(19);

      Node gone = session.getMetadata().findNode(third.contactPoints().get(0)).orElseThrow();
      third.close();
      nodes.remove(third);
      DriverNodeStates.await(session, gone.getHostId(), NodeState.DOWN);
      // The driver heard DOWN from its control node; a coordinator that has not handled the stopped
      // node's SHUTDOWN yet may still pick it for a read (and time out, as Cassandra would), so wait
      // until QUORUM reads work through whichever node the driver picks.
      Await.until(() -> {
        try {
          for (int i = 0; i < 6; i++) {
            session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 5 AND c = 1")
                .setConsistencyLevel(ConsistencyLevel.QUORUM));
          }
          return true;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          return false;
        }
      });
      for (int k = 100; k < 110; k++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, c, v) VALUES (?, 1, 'after')", k)
            .setConsistencyLevel(ConsistencyLevel.QUORUM));
      }
      for (int k = 100; k < 110; k++) {
        assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ? AND c = 1", k)
            .setConsistencyLevel(ConsistencyLevel.QUORUM)).one().getString(0)).isEqualTo("after");
      }
      assertThat(session.execute(SimpleStatement.newInstance("SELECT v, s FROM ks.t WHERE k = 5").setConsistencyLevel(ConsistencyLevel.QUORUM))
          .one().getSet("s", Integer.class)).containsExactlyInAnyOrder(1, 2);

      // The same node comes back (same internode port, so same host id and tokens): the driver sees
      // it UP, and once the others have reconnected to it (messages sent before that are lost, and
      // time out) ALL reads work again, answering what it missed (hints, or read repair).
      ProcessCluster back = start("r3", thirdPort, seed);
      DriverNodeStates.await(session, gone.getHostId(), NodeState.UP);
      Await.until(() -> nodes.stream().allMatch(n -> n.knownMembers() == 3));
      Await.until(() -> {
        try {
          session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 100 AND c = 1").setConsistencyLevel(ConsistencyLevel.ALL));
          return true;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          return false;
        }
      });
      for (int k = 100; k < 110; k++) {
        assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = ? AND c = 1", k)
            .setConsistencyLevel(ConsistencyLevel.ALL)).one().getString(0)).isEqualTo("after");
      }
      assertThat(back.knownMembers()).isEqualTo(3);
    }
  }

}
