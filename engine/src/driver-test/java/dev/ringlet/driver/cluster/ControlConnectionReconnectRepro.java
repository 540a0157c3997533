package dev.ringlet.driver.cluster;

import dev.ringlet.driver.wait.DriverNodeStates;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.slf4j.LoggerFactory;

/**
 * Probe, on demand only (its name is not one the build's test runs pick up): {@code ./mvnw -o -q test
 * -pl wire-protocol,engine -Dtest=ControlConnectionReconnectRepro -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dprobe.version=V4} for protocol v4, {@code -Dprobe.repetitions=200} for more than 16 repetitions; add
 * {@code #ddl_after_the_control_connection_is_back} or {@code #ddl_while_the_control_connection_reopens} to the
 * test name for one of the two).
 *
 * <p>{@code ddl_after_the_control_connection_is_back} repeats {@link ControlConnectionReconnectTest}: Ringlet's
 * part, every repetition must pass. {@code ddl_while_the_control_connection_reopens} is the racy scenario this
 * probe was first written for: create a keyspace, stop the node under the driver's control connection, run a DDL on
 * a live node while the driver re-opens it. Now and then (at v4 as at v5: 1 and 6 in 100 in two runs at v5, 2 in
 * 100 at v4) that DDL ends only with the driver's request timeout: the SCHEMA_CHANGE event of the keyspace creation started a schema refresh of
 * the driver's that met the control connection closed, and a Java driver 4.x defect leaves that refresh unfinished
 * forever, so the DDL's own refresh waits behind it (see {@link DriverSchemaRefreshStallTest}). Such a repetition
 * is reported as skipped ("aborted") naming the driver's warning; a slow or failed DDL without that warning fails.
 * (Almost every other repetition leaves the driver in the same state through the DDL's own refresh, which is only
 * seen by a later DDL.)
 */
class ControlConnectionReconnectRepro {

  private static final String VERSION = System.getProperty("probe.version", "V5");

  @TestFactory
  Stream<DynamicTest> ddl_after_the_control_connection_is_back() {
    return repeat(() -> ControlConnectionReconnectTest.reopenAndRunDdl(VERSION));
  }

  @TestFactory
  Stream<DynamicTest> ddl_while_the_control_connection_reopens() {
    return repeat(this::once);
  }

  private static Stream<DynamicTest> repeat(org.junit.jupiter.api.function.Executable repetition) {
    return IntStream.rangeClosed(1, Integer.getInteger("probe.repetitions", 16))
        .mapToObj(i -> DynamicTest.dynamicTest("repetition " + i, repetition));
  }

  private void once() {
    Logger driverLogger = (Logger) LoggerFactory.getLogger("com.datastax.oss.driver");
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    driverLogger.addAppender(warnings);
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
                .withDuration(DefaultDriverOption.RECONNECTION_BASE_DELAY, Duration.ofMillis(50))
                .withDuration(DefaultDriverOption.RECONNECTION_MAX_DELAY, Duration.ofMillis(100))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).withString(DefaultDriverOption.PROTOCOL_VERSION, VERSION)
                .build()).build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      java.net.SocketAddress control = ((com.datastax.oss.driver.internal.core.context.InternalDriverContext) session.getContext())
          .getControlConnection().channel().getEndPoint().resolve();
      RingletNode stopped = cluster.nodes().stream().filter(n -> n.nativeAddress().equals(control)).findFirst().orElseThrow();
      RingletNode live = cluster.nodes().stream().filter(n -> n != stopped).findFirst().orElseThrow();
      stopped.stop();
      com.datastax.oss.driver.api.core.metadata.Node d = session.getMetadata().getNodes().values().stream()
          .filter(n -> stopped.hostId().equals(n.getHostId())).findFirst().orElseThrow();
      DriverNodeStates.await(session, d.getHostId(), NodeState.DOWN);
      com.datastax.oss.driver.api.core.metadata.Node l = session.getMetadata().getNodes().values().stream()
          .filter(n -> live.hostId().equals(n.getHostId())).findFirst().orElseThrow();
      long t0 = System.nanoTime();
      RuntimeException failure = null;
      try {
        session.execute(SimpleStatement.newInstance("CREATE TABLE ks.later (k int PRIMARY KEY, n int)").setNode(l));
      } catch (RuntimeException e) {
        failure = e;
      }
      long millis = (System.nanoTime() - t0) / 1_000_000;
      if (failure == null && millis < 5_000) {
        return;
      }
      java.util.List<String> stalls = warned(warnings).stream()
          .filter(w -> w.contains("Control channel not available, aborting schema refresh")).toList();
      if (!stalls.isEmpty()) {
        org.junit.jupiter.api.Assumptions.abort("DDL took " + millis + " ms after the Java driver's schema refresh stalled: " + stalls);
      }
      throw new AssertionError("DDL took " + millis + " ms; driver warnings: " + warned(warnings), failure);
    } finally {
      driverLogger.detachAppender(warnings);
    }
  }

  private static java.util.List<String> warned(ListAppender<ILoggingEvent> appender) {
    return appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " (" + e.getThrowableProxy().getMessage() + ")"))
        .toList();
  }
}
