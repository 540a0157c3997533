package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.driver.wait.Await;
import dev.ringlet.driver.wait.DriverNodeStates;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.internal.core.channel.DriverChannel;
import com.datastax.oss.driver.internal.core.context.InternalDriverContext;
import com.datastax.oss.driver.internal.core.control.ControlConnection;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's control connection after its node stops: the driver re-opens it on a live node (at v5 through
 * the whole OPTIONS, STARTUP, segments, REGISTER handshake again) and DDL through the session completes, with the
 * driver's metadata following. The DDL waits until the control connection is back: a DDL in between meets a
 * Java driver defect instead (see {@link DriverSchemaRefreshStallTest}).
 */
class ControlConnectionReconnectTest {

  @ParameterizedTest
  @ValueSource(strings = {"V4", "V5"})
  void should_reopen_the_control_connection_on_a_live_node_and_complete_ddl_after_the_control_node_stops(String version) {
    reopenAndRunDdl(version);
  }

  /** One run of the scenario; {@link ControlConnectionReconnectRepro} repeats it. */
  static void reopenAndRunDdl(String version) {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true))) {
      // The keyspace exists before the session under test opens: no SCHEMA_CHANGE event (and so no schema refresh
      // of the driver's) is on its way when the control node stops.
      try (CqlSession setup = session(cluster, version)) {
        setup.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      }
      try (CqlSession session = session(cluster, version)) {
        ControlConnection control = ((InternalDriverContext) session.getContext()).getControlConnection();
        DriverChannel firstChannel = control.channel();
        java.net.SocketAddress controlAddress = firstChannel.getEndPoint().resolve();
        RingletNode stopped = cluster.nodes().stream()
            .filter(n -> n.nativeAddress().equals(controlAddress)).findFirst().orElseThrow();

        // Given the control node stopped
        stopped.stop();
        DriverNodeStates.await(session, stopped.hostId(), NodeState.DOWN);

        // When the driver has re-opened its control connection
        Await.until(() -> control.channel() != firstChannel && !control.channel().closeFuture().isDone());
        assertThat(control.channel().getEndPoint().resolve()).isNotEqualTo(controlAddress);

        // Then DDL completes (a driver whose schema refresh stalled would end it with its request timeout), and the
        // driver's metadata follows
        session.execute(SimpleStatement.newInstance("CREATE TABLE ks.a (k int PRIMARY KEY)"));
        session.execute(SimpleStatement.newInstance("CREATE TABLE ks.b (k int PRIMARY KEY)"));
        assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTables().keySet())
            .extracting(id -> id.asInternal()).containsExactlyInAnyOrder("a", "b");
      }
    }
  }

  private static CqlSession session(RingletCluster cluster, String version) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withString(DefaultDriverOption.PROTOCOL_VERSION, version)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build()).build();
  }

  private static Node driverNode(CqlSession session, RingletNode node) {
    return session.getMetadata().getNodes().values().stream()
        .filter(n -> node.hostId().equals(n.getHostId())).findFirst().orElseThrow();
  }
}
