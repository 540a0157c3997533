package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.node.ProcessCluster;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Processes of a cluster over TCP with {@code --data-dir} (here in one JVM): a process that stops
 * and starts again on its data directory comes back with its host id and tokens, even on another
 * internode port, rejoins, and has its data.
 */
class DurableTcpClusterTest {

  @TempDir
  Path data;

  private final List<ProcessCluster> nodes = new ArrayList<>();

  @AfterEach
  void close() {
    for (ProcessCluster n : nodes) {
      n.close();
    }
  }


  /** Ports 0: free ones the node binds itself; {@code seed} null: the first node, alone. */
  private ProcessCluster start(String rack, int nativePort, int internodePort, InetSocketAddress seed) {
    ClusterSpec spec = ClusterSpec.defaults().withClusterName("durable-tcp").withRack(rack).withAddress("127.0.0.1")
        .withPort(nativePort).withNumTokens(4).withDataDirectory(data.resolve(rack))
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH).withMaterializedViews(true);
    ProcessCluster n = ProcessCluster.start(new ProcessCluster.Options(spec,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), internodePort), seed == null ? List.of() : List.of(seed),
        Duration.ofSeconds(30)));
    nodes.add(n);
    return n;
  }

  @Test
  void a_restarted_process_should_keep_its_host_id_tokens_and_data_and_rejoin() throws IOException {
    ProcessCluster first = start("r1", 0, 0, null);
    InetSocketAddress seed = first.internodeAddress();
    ProcessCluster second = start("r2", 0, 0, seed);
    int secondNative = second.contactPoints().get(0).getPort();
    Await.until(() -> nodes.stream().allMatch(n -> n.knownMembers() == 2));
    UUID secondHostId = second.nodes().get(0).hostId();

    try (CqlSession session = CqlSession.builder().addContactPoint(first.contactPoints().get(0)).withLocalDatacenter("datacenter1")
        .build()) {
      Await.until(() -> session.getMetadata().getNodes().size() == 2
          && session.getMetadata().getNodes().values().stream().allMatch(n -> n.getState() == NodeState.UP));
      // RF=1: each row lives on one process only
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 1}");
      assertThat(session.checkSchemaAgreement()).isTrue();
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      assertThat(session.checkSchemaAgreement()).isTrue();
      for (int k = 0; k < 20; k++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (?, 'v')", k).setConsistencyLevel(ConsistencyLevel.ONE));
      }
      String tokensBefore = session.getMetadata().getTokenMap().orElseThrow().getTokenRanges(
          session.getMetadata().getNodes().get(secondHostId)).toString();

      // When the second process stops and starts again on its data directory, on another internode port
      com.datastax.oss.driver.api.core.metadata.Node gone = session.getMetadata().getNodes().get(secondHostId);
      second.close();
      nodes.remove(second);
      DriverNodeStates.await(session, gone.getHostId(), NodeState.DOWN);
      ProcessCluster back = start("r2", secondNative, 0, seed);

      // Then it is the same node (host id, tokens), it rejoins, and every row is readable again
      assertThat(back.nodes().get(0).hostId()).isEqualTo(secondHostId);
      DriverNodeStates.await(session, gone.getHostId(), NodeState.UP);
      Await.until(() -> nodes.stream().allMatch(n -> n.knownMembers() == 2));
      Await.until(() -> {
        try {
          return session.execute(SimpleStatement.newInstance("SELECT k FROM ks.t").setConsistencyLevel(ConsistencyLevel.ONE))
              .all().size() == 20;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          return false;
        }
      });
      assertThat(session.getMetadata().getTokenMap().orElseThrow().getTokenRanges(
          session.getMetadata().getNodes().get(secondHostId)).toString()).isEqualTo(tokensBefore);
    }
  }

  @Test
  void a_whole_cluster_with_a_view_should_come_back_one_process_at_a_time() throws IOException {
    // Given two durable processes with a table and its view, RF=2
    InetSocketAddress seed = start("r1", 0, 0, null).internodeAddress();
    start("r2", 0, 0, seed);
    int firstNative = nodes.get(0).contactPoints().get(0).getPort();
    int secondNative = nodes.get(1).contactPoints().get(0).getPort();
    Await.until(() -> nodes.stream().allMatch(n -> n.knownMembers() == 2));
    try (CqlSession session = CqlSession.builder().addContactPoint(nodes.get(0).contactPoints().get(0))
        .withLocalDatacenter("datacenter1").build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 2}");
      session.execute("CREATE TABLE ks.orders (id int PRIMARY KEY, item text)");
      session.execute("CREATE MATERIALIZED VIEW ks.by_item AS SELECT * FROM ks.orders"
          + " WHERE item IS NOT NULL AND id IS NOT NULL PRIMARY KEY (item, id)");
      assertThat(session.checkSchemaAgreement()).isTrue();
      for (int id = 0; id < 12; id++) {
        session.execute(SimpleStatement.newInstance("INSERT INTO ks.orders (id, item) VALUES (?, ?)", id, "item" + (id % 3))
            .setConsistencyLevel(ConsistencyLevel.ALL));
      }
    }
    // When every process stops, and the first starts again alone (its peer still down)
    for (ProcessCluster n : nodes) {
      n.close();
    }
    nodes.clear();
    ProcessCluster first = start("r1", firstNative, seed.getPort(), null);
    // Then it comes back with its view as it was (recreating the saved view does not rebuild it, which would
    // need every node), and so does the second
    start("r2", secondNative, 0, seed);
    Await.until(() -> nodes.stream().allMatch(n -> n.knownMembers() == 2));
    try (CqlSession session = CqlSession.builder().addContactPoint(first.contactPoints().get(0))
        .withLocalDatacenter("datacenter1").build()) {
      Await.until(() -> {
        try {
          return session.execute(SimpleStatement.newInstance("SELECT id FROM ks.by_item WHERE item = 'item1'")
              .setConsistencyLevel(ConsistencyLevel.ALL)).all().size() == 4;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          return false;
        }
      });
      assertThat(session.execute(SimpleStatement.newInstance("SELECT count(*) FROM ks.orders")
          .setConsistencyLevel(ConsistencyLevel.ALL)).one().getLong(0)).isEqualTo(12L);
    }
  }
}
