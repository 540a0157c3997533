package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.driver.wait.DriverNodeStates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code system.local.gossip_generation} as 5.0 keeps it: the second the node started, by its clock,
 * and higher on every restart of the same node, even one within the same second; a durable node
 * keeps it, so a new cluster on its data directory (a process restart) goes above it too.
 */
class GossipGenerationTest {

  @Test
  void should_be_the_start_second_and_increase_across_restarts() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(2).withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      RingletNode node = cluster.node(1);
      // Given the node started at the cluster clock's second (a manual clock: it has not moved since)
      long nowMillis = session.execute(on(session, node, "SELECT toUnixTimestamp(now()) FROM system.local")).one().getLong(0);
      int started = generation(session, node);
      assertThat(started).isEqualTo((int) (nowMillis / 1000));

      // When it restarts 100 s later, then again without the clock moving
      restart(session, node, () -> cluster.advanceClock(Duration.ofSeconds(100)));
      int later = generation(session, node);
      restart(session, node, () -> { });
      int sameSecond = generation(session, node);

      // Then its generation is each start's second, one more than the last when the second is the same
      assertThat(later).isEqualTo(started + 100);
      assertThat(sameSecond).isEqualTo(later + 1);
      assertThat(generation(session, cluster.node(0))).as("the node that never restarted").isEqualTo(started);
    }
  }

  @Test
  void should_go_above_the_saved_generation_when_a_durable_node_starts_again_with_its_clock_behind(@TempDir Path data) {
    // Given a durable node whose last start was an hour ahead of the system clock
    ClusterSpec spec = ClusterSpec.defaults().withNodes(2).withDataDirectory(data).withManualClock(true);
    UUID restarted;
    int lastStart;
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = session(cluster)) {
      RingletNode node = cluster.node(1);
      restart(session, node, () -> cluster.advanceClock(Duration.ofHours(1)));
      restarted = node.hostId();
      lastStart = generation(session, node);
    }

    // When a new cluster (as a new process) starts on its directory, its clock back at the system's
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = session(cluster)) {
      RingletNode node = cluster.nodes().stream().filter(n -> n.hostId().equals(restarted)).findFirst().orElseThrow();
      long nowMillis = session.execute(on(session, node, "SELECT toUnixTimestamp(now()) FROM system.local")).one().getLong(0);

      // Then the node's generation is one above the saved one, not its clock's second
      assertThat(lastStart).isGreaterThan((int) (nowMillis / 1000));
      assertThat(generation(session, node)).isEqualTo(lastStart + 1);
    }
  }

  private static CqlSession session(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build();
  }

  private static void restart(CqlSession session, RingletNode node, Runnable whileStopped) {
    node.stop();
    DriverNodeStates.await(session, node.hostId(), NodeState.DOWN);
    whileStopped.run();
    node.start();
    DriverNodeStates.await(session, node.hostId(), NodeState.UP);
  }

  private static int generation(CqlSession session, RingletNode node) {
    return session.execute(on(session, node, "SELECT gossip_generation FROM system.local")).one().getInt(0);
  }

  private static SimpleStatement on(CqlSession session, RingletNode node, String cql) {
    return SimpleStatement.newInstance(cql).setNode(session.getMetadata().getNodes().get(node.hostId()));
  }
}
