package dev.ringlet.conformance;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * A server to run scenarios against: an external one (the reference Cassandra, or a Ringlet started
 * elsewhere) or a Ringlet started in this JVM. Every scenario gets a fresh session, so that a
 * {@code USE} or a prepared statement cannot leak from one scenario to the next.
 */
final class ConformanceTarget implements AutoCloseable {

  private final String description;
  private final List<InetSocketAddress> contactPoints;
  private final String localDatacenter;
  private final AutoCloseable owned;
  private final boolean authentication;

  private ConformanceTarget(
      String description, List<InetSocketAddress> contactPoints, String localDatacenter, AutoCloseable owned) {
    this(description, contactPoints, localDatacenter, owned, false);
  }

  private ConformanceTarget(String description, List<InetSocketAddress> contactPoints, String localDatacenter,
      AutoCloseable owned, boolean authentication) {
    this.authentication = authentication;
    this.description = description;
    this.contactPoints = List.copyOf(contactPoints);
    this.localDatacenter = localDatacenter;
    this.owned = owned;
  }

  /** A server already running at {@code host:port} (port 9042 if omitted). */
  static ConformanceTarget external(String hostAndPort, String localDatacenter) {
    return new ConformanceTarget(
        hostAndPort, List.of(parseAddress(hostAndPort, 9042)), localDatacenter, () -> {});
  }

  /** A one-node Ringlet started now and stopped by {@link #close()}; UDFs and materialized views on, as in the reference node. */
  static ConformanceTarget ringlet() {
    RingletCluster cluster = Ringlet.start(untimed(ClusterSpec.defaults().withUserDefinedFunctions(true).withMaterializedViews(true)));
    return new ConformanceTarget(
        "Ringlet in this JVM", cluster.contactPoints(), cluster.localDatacenter(), cluster);
  }

  /**
   * Generous UDF timeouts: the golden answers hold no timing, and in a busy test JVM a body's
   * {@code System.gc()} (functions_udf_sandbox) or a pause can outlast 5.0's 500 ms warn timeout.
   */
  private static ClusterSpec untimed(ClusterSpec spec) {
    return spec.withUserDefinedFunctionTimeouts(java.time.Duration.ofSeconds(30), java.time.Duration.ofSeconds(60));
  }

  /**
   * A one-node Ringlet for the {@code read_thresholds_tracked*} scenarios: {@code
   * read_thresholds_enabled} with the tombstone thresholds 10 and 100, as the private copy of the
   * reference they were recorded on (docs/conformance.md).
   */
  static ConformanceTarget ringletWithReadThresholds() {
    RingletCluster cluster = Ringlet.start(untimed(ClusterSpec.defaults().withUserDefinedFunctions(true).withMaterializedViews(true)
        .withReadThresholdsEnabled(true).withTombstoneThresholds(10, 100)));
    return new ConformanceTarget("Ringlet with read_thresholds_enabled and tombstone thresholds 10/100 in this JVM",
        cluster.contactPoints(), cluster.localDatacenter(), cluster);
  }

  /**
   * A two-node Ringlet for the {@code read_thresholds_tracked_cluster*} scenarios: as
   * {@link #ringletWithReadThresholds()}, on two nodes, as the private two-node copy of the
   * reference they were recorded on (docs/conformance.md).
   */
  static ConformanceTarget ringletTwoNodesWithReadThresholds() {
    RingletCluster cluster = Ringlet.start(untimed(ClusterSpec.defaults().withNodes(2).withUserDefinedFunctions(true)
        .withMaterializedViews(true).withReadThresholdsEnabled(true).withTombstoneThresholds(10, 100)));
    return new ConformanceTarget("two Ringlet nodes with read_thresholds_enabled and tombstone thresholds 10/100 in this JVM",
        cluster.contactPoints(), cluster.localDatacenter(), cluster);
  }

  /**
   * Scenarios named {@code read_thresholds_tracked_cluster*} need two nodes (and the options of
   * {@link #needsReadThresholds}); their sessions wait for schema agreement after DDL.
   */
  static boolean needsTwoNodes(Scenario scenario) {
    return scenario.name().startsWith("read_thresholds_tracked_cluster");
  }

  /**
   * Scenarios named {@code read_thresholds_tracked*} need a node with {@code read_thresholds_enabled:
   * true}, {@code tombstone_warn_threshold: 10} and {@code tombstone_failure_threshold: 100}.
   */
  static boolean needsReadThresholds(Scenario scenario) {
    return scenario.name().startsWith("read_thresholds_tracked");
  }

  /** A server with PasswordAuthenticator and CassandraAuthorizer already running (login cassandra/cassandra). */
  static ConformanceTarget externalWithAuthentication(String hostAndPort, String localDatacenter) {
    return new ConformanceTarget(hostAndPort + " (authenticated)", List.of(parseAddress(hostAndPort, 9042)),
        localDatacenter, () -> {}, true);
  }

  /** A one-node Ringlet with authentication started now and stopped by {@link #close()}; UDFs on, as in the reference node. */
  static ConformanceTarget ringletWithAuthentication() {
    return ringletWithAuthentication(false);
  }

  /**
   * As {@link #ringletWithAuthentication()}, with dynamic data masking on when {@code masking} (the
   * reference recorded such scenarios with {@code dynamic_data_masking_enabled: true}); materialized
   * views on, as in the reference node.
   */
  static ConformanceTarget ringletWithAuthentication(boolean masking) {
    RingletCluster cluster = Ringlet.start(untimed(ClusterSpec.defaults().withAuthentication(true).withUserDefinedFunctions(true)
        .withDynamicDataMasking(masking).withMaterializedViews(true)));
    return new ConformanceTarget("Ringlet with authentication" + (masking ? " and dynamic data masking" : "") + " in this JVM",
        cluster.contactPoints(), cluster.localDatacenter(), cluster, true);
  }

  /** Whether scenarios run logged in (as cassandra, or as their {@code @login} roles). */
  boolean authentication() {
    return authentication;
  }

  static InetSocketAddress parseAddress(String hostAndPort, int defaultPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0) {
      return new InetSocketAddress(hostAndPort, defaultPort);
    }
    String port = hostAndPort.substring(colon + 1);
    if (!port.matches("\\d{1,5}")) {
      throw new IllegalArgumentException("target: " + hostAndPort + " (expected: host:port)");
    }
    return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(port));
  }

  String description() {
    return description;
  }

  CqlSession openSession() {
    return openSession(new dev.ringlet.driver.ErrorFrameWarnings(), false);
  }

  /**
   * A session (logged in as cassandra on authenticated targets) whose error frames' warnings go to
   * {@code errorWarnings}. With {@code oneCoordinator} (multi-node scenarios) every request and the
   * control connection go to the first contact point, and each DDL statement's answer waits until
   * every node has its schema, as the next statement needs: the driver checks agreement on the node
   * that ran the DDL (on another node, gossip may not have told it yet), and reads always have the
   * same coordinator.
   */
  private CqlSession openSession(dev.ringlet.driver.ErrorFrameWarnings errorWarnings, boolean oneCoordinator) {
    if (authentication) {
      return openSession(errorWarnings, "cassandra", "cassandra");
    }
    com.datastax.oss.driver.api.core.CqlSessionBuilder builder = errorWarnings.sessionBuilder()
        .addContactPoints(oneCoordinator ? contactPoints.subList(0, 1) : contactPoints)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(driverConfig(oneCoordinator));
    if (oneCoordinator) {
      InetSocketAddress coordinator = contactPoints.get(0);
      builder.withNodeDistanceEvaluator((node, dc) -> node.getEndPoint().resolve().equals(coordinator) ? null
          : com.datastax.oss.driver.api.core.loadbalancing.NodeDistance.IGNORED);
    }
    return builder.build();
  }

  /** A session logged in as {@code user} (authenticated targets only). */
  CqlSession openSession(String user, String password) {
    return openSession(new dev.ringlet.driver.ErrorFrameWarnings(), user, password);
  }

  private CqlSession openSession(dev.ringlet.driver.ErrorFrameWarnings errorWarnings, String user, String password) {
    return errorWarnings.sessionBuilder()
        .addContactPoints(contactPoints)
        .withLocalDatacenter(localDatacenter)
        .withConfigLoader(driverConfig(false))
        .withAuthCredentials(user, password)
        .build();
  }

  /** Runs a scenario in a fresh session; {@code @login} statements get their own sessions. */
  List<StatementAnswer> run(Scenario scenario) {
    dev.ringlet.driver.ErrorFrameWarnings errorWarnings = new dev.ringlet.driver.ErrorFrameWarnings();
    try (CqlSession session = openSession(errorWarnings, needsTwoNodes(scenario))) {
      return authentication
          ? new ScenarioRunner(session, (user, password) -> openSession(errorWarnings, user, password), errorWarnings)
              .run(scenario)
          : new ScenarioRunner(session, errorWarnings).run(scenario);
    }
  }

  /** Scenarios named {@code auth_*} need a node with authentication. */
  static boolean needsAuthentication(Scenario scenario) {
    return scenario.name().startsWith("auth_");
  }

  /**
   * Scenarios named {@code auth_masking*} need a node with dynamic data masking on (and
   * authentication: masks apply only to roles without UNMASK). The reference must be started with
   * {@code dynamic_data_masking_enabled: true} to record them (docs/conformance.md).
   */
  static boolean needsDynamicDataMasking(Scenario scenario) {
    return scenario.name().startsWith("auth_masking");
  }

  /**
   * Generous timeouts (DDL on a busy 2-core machine is slow); no schema metadata, which is not what
   * the corpus measures and would add a refresh after every DDL, unless {@code agreement} (the
   * driver then waits for schema agreement after each DDL); warnings are recorded, not logged.
   */
  private static DriverConfigLoader driverConfig(boolean agreement) {
    return DriverConfigLoader.programmaticBuilder()
        .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(60))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_TIMEOUT, Duration.ofSeconds(60))
        .withDuration(DefaultDriverOption.CONNECTION_INIT_QUERY_TIMEOUT, Duration.ofSeconds(30))
        .withDuration(DefaultDriverOption.CONTROL_CONNECTION_TIMEOUT, Duration.ofSeconds(30))
        .withBoolean(DefaultDriverOption.METADATA_SCHEMA_ENABLED, agreement)
        .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false)
        .withBoolean(DefaultDriverOption.REQUEST_WARN_IF_SET_KEYSPACE, false)
        .build();
  }

  @Override
  public void close() throws Exception {
    owned.close();
  }
}
