package dev.ringlet.driver.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Reproduces an open issue, on demand only: its name is not one the build's test runs pick up; run it with
 * {@code ./mvnw -o -q test -pl wire-protocol,engine -Dtest=ControlConnectionReconnectRepro
 * -Dsurefire.failIfNoSpecifiedTests=false} (add {@code -Dprobe.version=V4} to compare): when the node under the driver's control connection stops gracefully and
 * a DDL statement follows while the driver is re-opening its control connection to a live node, that
 * re-opening sometimes hangs until the session closes, so the DDL (which waits for the driver's schema
 * refresh) times out. Seen at protocol v5 in about 1 of 16 repetitions; never at v4 (0 of 16). Not
 * diagnosed yet. What a driver debug log of a failing repetition shows: the new control channel opens (STARTUP,
 * REGISTER answered), its node-list refresh gets both answers, and then the driver sends nothing more and has no
 * query pending on any connection until the session closes 10 s later — so no answer from Ringlet is missing; what
 * in the v5 session makes the driver stop there is the open question. Not part of the normal build because it fails.
 */
class ControlConnectionReconnectRepro {
  @RepeatedTest(16)
  void ddl_after_the_control_node_stops() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).withString(DefaultDriverOption.PROTOCOL_VERSION, System.getProperty("probe.version", "V5"))
                .build()).build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      java.net.SocketAddress control = ((com.datastax.oss.driver.internal.core.context.InternalDriverContext) session.getContext())
          .getControlConnection().channel().getEndPoint().resolve();
      RingletNode stopped = cluster.nodes().stream().filter(n -> n.nativeAddress().equals(control)).findFirst().orElseThrow();
      RingletNode live = cluster.nodes().stream().filter(n -> n != stopped).findFirst().orElseThrow();
      stopped.stop();
      com.datastax.oss.driver.api.core.metadata.Node d = session.getMetadata().getNodes().values().stream()
          .filter(n -> stopped.hostId().equals(n.getHostId())).findFirst().orElseThrow();
      ThreeNodeClusterTest.awaitCondition(() -> d.getState() == NodeState.DOWN);
      com.datastax.oss.driver.api.core.metadata.Node l = session.getMetadata().getNodes().values().stream()
          .filter(n -> live.hostId().equals(n.getHostId())).findFirst().orElseThrow();
      long t0 = System.nanoTime();
      session.execute(SimpleStatement.newInstance("CREATE TABLE ks.later (k int PRIMARY KEY, n int)").setNode(l));
      org.assertj.core.api.Assertions.assertThat((System.nanoTime() - t0) / 1_000_000).as("DDL ms").isLessThan(5_000);
    }
  }
}
