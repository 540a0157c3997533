package dev.ringlet.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.testcontainers.internal.CqlProbe;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The container group, for real. A multi-node group needs the engine's TCP cluster transport; until
 * the image has it, the group refuses rather than start nodes that only pretend to be a cluster. The
 * single-node group proves the node controls (stop, start, pause) on real containers.
 */
class RingletClusterContainersIT {

  @BeforeAll
  static void engine() {
    ContainerEngine.require();
  }

  @Test
  void should_refuse_a_multi_node_cluster_the_engine_cannot_form_and_leave_no_container_running() {
    RingletClusterContainers cluster = new RingletClusterContainers(ContainerEngine.image()).withNodes(3);
    try {
      assertThatThrownBy(cluster::start)
          .isInstanceOf(UnsupportedOperationException.class)
          .hasMessageContaining("cannot form a multi-node cluster")
          .hasMessageContaining("unknown option --seeds");
      assertThat(cluster.getNodes()).isEmpty();
    } finally {
      cluster.stop();
    }
  }

  @Test
  void should_stop_start_and_pause_a_single_node() throws Exception {
    try (RingletClusterContainers cluster = new RingletClusterContainers(ContainerEngine.image())
        .withDatacenter("east", 1)) {
      cluster.start();
      assertThat(cluster.getLocalDatacenter()).isEqualTo("east");
      assertThat(cluster.getContactPoints()).hasSize(1);
      try (CqlSession session = CqlSession.builder()
          .addContactPoints(cluster.getContactPoints())
          .withLocalDatacenter(cluster.getLocalDatacenter())
          .build()) {
        assertThat(session.execute("SELECT data_center FROM system.local").one().getString(0)).isEqualTo("east");
      }

      cluster.pauseNode(1);
      assertThat(answers(cluster.getContactPoint(1), Duration.ofMillis(500))).as("answers while paused").isFalse();
      cluster.unpauseNode(1);
      assertThat(answers(cluster.getContactPoint(1), Duration.ofSeconds(10))).as("answers after unpause").isTrue();

      cluster.stopNode(1);
      assertThat(cluster.getContactPoints()).as("contact points of running nodes").isEmpty();
      cluster.startNode(1);
      assertThat(answers(cluster.getContactPoint(1), Duration.ofSeconds(10))).as("answers after restart").isTrue();
    }
  }

  private static boolean answers(InetSocketAddress node, Duration timeout) {
    try (CqlProbe probe = CqlProbe.connect(node.getHostString(), node.getPort(), timeout)) {
      probe.startup();
      return probe.query("SELECT release_version FROM system.local").size() == 1;
    } catch (IOException e) {
      return false;
    }
  }
}
