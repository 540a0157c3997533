package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing disk under Cassandra 5.0's default policies ({@code commit_failure_policy: stop},
 * {@code disk_failure_policy: stop}): the write that failed gets no answer, the node stops its
 * client transport and gossip and keeps its files; after the disk is repaired, a restart recovers
 * everything acknowledged before. And an unusable data directory fails start-up naming the path.
 */
class DiskFailurePolicyTest {

  @TempDir
  Path data;

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
  }

  private static Node driverNode(CqlSession session, RingletNode node) {
    return session.getMetadata().getNodes().values().stream().filter(n -> node.hostId().equals(n.getHostId())).findFirst()
        .orElseThrow();
  }

  @Test
  void should_stop_the_node_without_answering_when_a_commit_log_write_fails() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data).withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      RingletNode node = cluster.nodes().get(0);
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      session.execute("INSERT INTO ks.t (k, v) VALUES (1, 'before')");

      // When the commit log's disk is full
      node.failCommitLogWrites("No space left on device");

      // Then the write gets no answer: its connection closes (the node stopped its transport)
      assertThatThrownBy(() -> session.execute("INSERT INTO ks.t (k, v) VALUES (2, 'lost')"))
          .isInstanceOf(ClosedConnectionException.class);
      Await.until(() -> !node.isRunning() && driverNode(session, node).getOpenConnections() == 0);
      // and nothing more is served: the driver cannot reach the node any more
      assertThatThrownBy(() -> session.execute("SELECT * FROM ks.t")).isInstanceOf(AllNodesFailedException.class);

      // When the disk is repaired and the node started again
      node.clearDiskFailures();
      node.start();
      DurableClusterTest.awaitConnected(session, node);

      // Then every acknowledged write is back; the one that failed is not
      assertThat(session.execute("SELECT k FROM ks.t").all()).extracting(r -> r.getInt("k")).containsExactly(1);
    }
  }

  @Test
  void should_stop_the_node_when_a_flush_fails_and_keep_the_data_in_the_commit_log() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data).withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      RingletNode node = cluster.nodes().get(0);
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      for (int i = 0; i < 10; i++) {
        session.execute("INSERT INTO ks.t (k, v) VALUES (" + i + ", 'v')");
      }

      // When the data disk is full and the node flushes (nodetool flush)
      node.failDataWrites("No space left on device");
      assertThatThrownBy(node::flush).hasMessageContaining("No space left on device");

      // Then the node stops serving
      Await.until(() -> !node.isRunning() && driverNode(session, node).getOpenConnections() == 0);
      // (the driver may not have noticed the closed connections yet: the read fails either way)
      assertThatThrownBy(() -> session.execute("SELECT * FROM ks.t"))
          .isInstanceOfAny(AllNodesFailedException.class, ClosedConnectionException.class);

      // and after the repair a restart replays the commit log: nothing is lost
      cluster.resetFaults(); // clears the disk failure and starts the node
      DurableClusterTest.awaitConnected(session, node);
      assertThat(session.execute("SELECT k FROM ks.t").all()).hasSize(10);
    }
  }

  @Test
  void should_keep_serving_from_the_other_replicas_when_one_nodes_commit_log_fails() {
    ClusterSpec spec = ClusterSpec.defaults().withNodes(3).withManualClock(true).withDataDirectory(data)
        .withCommitLogSync(ClusterSpec.CommitLogSync.BATCH);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
      RingletNode failing = cluster.nodes().get(2);
      failing.failCommitLogWrites("No space left on device");

      // a QUORUM write coordinated elsewhere succeeds: the failing replica just does not answer
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (1, 'a')")
          .setConsistencyLevel(ConsistencyLevel.QUORUM).setNode(driverNode(session, cluster.nodes().get(0))));
      Await.until(() -> !failing.isRunning());

      // its peers stop hearing from it (no gossip) and see it DOWN; the driver hears of it
      cluster.advanceClock(Duration.ofSeconds(30));
      DriverNodeStates.await(session, failing.hostId(), NodeState.DOWN);
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.t (k, v) VALUES (2, 'b')")
          .setConsistencyLevel(ConsistencyLevel.QUORUM));
      assertThat(session.execute(SimpleStatement.newInstance("SELECT k FROM ks.t").setConsistencyLevel(ConsistencyLevel.QUORUM))
          .all()).hasSize(2);
    }
  }

  @Test
  void should_fail_start_up_naming_a_data_directory_that_is_a_file() throws Exception {
    Path file = Files.writeString(data.resolve("not-a-directory"), "x");
    assertThatThrownBy(() -> Ringlet.start(ClusterSpec.defaults().withDataDirectory(file)).close())
        .hasMessage("Cannot use data directory " + file + ": it exists and is not a directory");
    assertThatThrownBy(() -> Ringlet.start(ClusterSpec.defaults().withNodes(3).withDataDirectory(file.resolve("sub"))).close())
        .hasMessageStartingWith("Cannot create data directory " + file.resolve("sub") + ": ");
  }
}
