package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.driver.wait.Await;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Pins down a defect of the Java driver 4.x (4.17 to 4.19 at least; not Ringlet's, and independent of the
 * protocol version), which Cassandra 5.0 triggers the same way ({@link DriverSchemaRefreshStallReferenceProbe}):
 * a schema refresh that finds the driver's control connection closed leaves the driver's schema refresh machinery
 * stuck for the rest of the session. ScyllaDB's fork of the driver fixed it (scylladb/java-driver#841); Apache's
 * has not.
 *
 * <p>In {@code MetadataManager.SingleThreaded.startSchemaRequest} the driver checks schema agreement on the control
 * channel (a closed one answers "not in agreement"), then {@code DefaultSchemaQueriesFactory.newInstance()} throws
 * {@code IllegalStateException("Control channel not available, aborting schema refresh")}; the {@code catch} (since
 * 4.18.1, CASSANDRA-19468; before it the exception was lost and that refresh never ended either) fails that refresh
 * but never clears {@code currentSchemaRefresh}, so every later refresh (after a DDL, on a SCHEMA_CHANGE
 * event, after the control connection reconnects, {@code Session.refreshSchema}) is queued behind it forever: each
 * later DDL is applied by the server but its driver call only ends with the request timeout. A refresh meets a closed
 * control channel when a DDL (or a SCHEMA_CHANGE event) comes while the driver is re-opening its control connection
 * after the control node stopped, or when the control node stops while a refresh is between its agreement check and
 * its schema queries. That race is what {@link ControlConnectionReconnectRepro} hits now and then.
 *
 * <p>If this test fails after a driver upgrade, the driver has fixed it: say so in docs/compatibility.md.
 */
class DriverSchemaRefreshStallTest {

  private final ListAppender<ILoggingEvent> driverLogs = new ListAppender<>();
  private final Logger driverLogger = (Logger) LoggerFactory.getLogger("com.datastax.oss.driver");

  @BeforeEach
  void captureDriverLogs() {
    driverLogs.start();
    driverLogger.addAppender(driverLogs);
  }

  @AfterEach
  void releaseDriverLogs() {
    driverLogger.detachAppender(driverLogs);
  }

  @ParameterizedTest
  @ValueSource(strings = {"V4", "V5"})
  void should_leave_the_driver_unable_to_finish_any_later_ddl_after_a_refresh_met_a_closed_control_channel(String version) {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true))) {
      // The keyspace exists before the session under test opens: no SCHEMA_CHANGE event (and so no refresh of
      // the driver's) is on its way when the control node stops.
      try (CqlSession setup = session(cluster, version)) {
        setup.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      }
      try (CqlSession session = session(cluster, version)) {
        ControlConnection control = ((InternalDriverContext) session.getContext()).getControlConnection();
        DriverChannel firstChannel = control.channel();
        RingletNode stopped = nodeAt(cluster, firstChannel);
        Node live = driverNode(session, cluster.nodes().stream().filter(n -> n != stopped).findFirst().orElseThrow());

        // Given the control node stopped and the driver has not re-opened its control connection yet
        stopped.stop();
        Await.until(() -> firstChannel.closeFuture().isDone() && driverNode(session, stopped).getState() == NodeState.DOWN);

        // When a DDL runs meanwhile: Ringlet answers it, the driver's refresh after it fails on the closed channel
        SimpleStatement during = SimpleStatement.newInstance("CREATE TABLE ks.during (k int PRIMARY KEY)").setNode(live);
        if (REFRESH_FAILURE_REPORTED) {
          session.execute(during);
          assertThat(warnings()).anySatisfy(w -> assertThat(w)
              .contains("Unexpected error while refreshing schema after DDL query")
              .contains("Control channel not available, aborting schema refresh"));
        } else {
          // driver 4.17 loses the exception: even this DDL's refresh never ends, so its call times out too
          assertThatThrownBy(() -> session.execute(during.setTimeout(Duration.ofSeconds(2))))
              .isInstanceOf(DriverTimeoutException.class);
        }

        // and the control connection is back, on a live node
        control.reconnectNow();
        Await.until(() -> control.channel() != firstChannel && !control.channel().closeFuture().isDone());

        // Then a later DDL is applied by the server, yet the driver's call ends only with its request timeout
        SimpleStatement later = SimpleStatement.newInstance("CREATE TABLE ks.later (k int PRIMARY KEY)")
            .setNode(live).setTimeout(Duration.ofSeconds(2));
        assertThatThrownBy(() -> session.execute(later)).isInstanceOf(DriverTimeoutException.class);
        assertThat(session.execute("SELECT table_name FROM system_schema.tables WHERE keyspace_name = 'ks'")
            .all().stream().map(r -> r.getString(0)).toList())
            .as("what the server has").containsExactlyInAnyOrder("during", "later");
        assertThat(session.getMetadata().getKeyspace("ks").orElseThrow().getTables())
            .as("what the driver's metadata shows: no schema refresh ran since").isEmpty();
      }
    }
  }

  /**
   * Whether the driver on the class path reports the failed refresh (4.18 and later: the DDL's call ends,
   * with a warning) or loses it (4.17: that call never completes either). The engine's driver tests run
   * with 4.19, driver-compat runs them with 4.17.
   */
  private static final boolean REFRESH_FAILURE_REPORTED = com.datastax.oss.driver.api.core.session.Session
      .OSS_DRIVER_COORDINATES.getVersion().compareTo(com.datastax.oss.driver.api.core.Version.parse("4.18.0")) >= 0;

  private static CqlSession session(RingletCluster cluster, String version) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withString(DefaultDriverOption.PROTOCOL_VERSION, version)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            // The control connection re-opens only when the test says so (reconnectNow).
            .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofHours(1))
            .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofHours(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build()).build();
  }

  private List<String> warnings() {
    return driverLogs.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()))
        .toList();
  }

  private static RingletNode nodeAt(RingletCluster cluster, DriverChannel channel) {
    java.net.SocketAddress address = channel.getEndPoint().resolve();
    return cluster.nodes().stream().filter(n -> n.nativeAddress().equals(address)).findFirst().orElseThrow();
  }

  private static Node driverNode(CqlSession session, RingletNode node) {
    return session.getMetadata().getNodes().values().stream()
        .filter(n -> node.hostId().equals(n.getHostId())).findFirst().orElseThrow();
  }
}
