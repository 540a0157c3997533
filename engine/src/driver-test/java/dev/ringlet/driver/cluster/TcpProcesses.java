package dev.ringlet.driver.cluster;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletNode;
import dev.ringlet.driver.wait.Await;
import dev.ringlet.internal.node.ProcessCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Nodes that only share TCP connections, each its own {@link ProcessCluster} (as in separate
 * processes, here in one JVM for speed), on 127.0.0.1 with free native and internode ports; and the
 * look-ups the tests of such clusters make. Closing it closes every process it started.
 */
final class TcpProcesses implements AutoCloseable {

  private final String clusterName;
  private final UnaryOperator<ClusterSpec> settings;
  private final List<ProcessCluster> processes = new ArrayList<>();

  /** @param settings applied to each node's spec (e.g. its timeouts) */
  TcpProcesses(String clusterName, UnaryOperator<ClusterSpec> settings) {
    this.clusterName = clusterName;
    this.settings = settings;
  }

  TcpProcesses(String clusterName) {
    this(clusterName, UnaryOperator.identity());
  }

  /** Starts a node in rack {@code rack}, joining through {@code seed} (null: the first node, alone). */
  ProcessCluster start(String rack, InetSocketAddress seed) {
    ClusterSpec spec = settings.apply(ClusterSpec.defaults().withClusterName(clusterName).withRack(rack)
        .withAddress("127.0.0.1").withPort(0).withNumTokens(4));
    ProcessCluster p = ProcessCluster.start(new ProcessCluster.Options(spec,
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), seed == null ? List.of() : List.of(seed), Duration.ofSeconds(30)));
    processes.add(p);
    return p;
  }

  /** Starts three nodes in racks r1 to r3, the first the others' seed, and returns once each knows all three. */
  List<ProcessCluster> startThree() {
    ProcessCluster first = start("r1", null);
    start("r2", first.internodeAddress());
    start("r3", first.internodeAddress());
    Await.until(() -> processes.stream().allMatch(p -> p.knownMembers() == 3 && p.nodes().size() == 3));
    return List.copyOf(processes);
  }

  /**
   * A session to {@code contact} once the driver sees {@code nodes} nodes up, with a request timeout
   * above the server's write timeout (2 s): on a loaded machine a QUORUM write that the server
   * completes in time may still take the driver's default 2 s to come back.
   */
  static CqlSession connect(ProcessCluster contact, int nodes) {
    CqlSession session = CqlSession.builder().addContactPoint(contact.contactPoints().get(0)).withLocalDatacenter("datacenter1")
        .withConfigLoader(com.datastax.oss.driver.api.core.config.DriverConfigLoader.programmaticBuilder()
            .withDuration(com.datastax.oss.driver.api.core.config.DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
    Await.until(() -> session.getMetadata().getNodes().size() == nodes && session.getMetadata().getNodes().values().stream()
        .allMatch(n -> n.getState() == com.datastax.oss.driver.api.core.metadata.NodeState.UP));
    return session;
  }

  @Override
  public void close() {
    for (ProcessCluster p : processes) {
      p.close();
    }
  }

  /** The host id of the process's own node. */
  static UUID own(ProcessCluster p) {
    return p.nodes().get(0).hostId();
  }

  /** The node of host id {@code hostId}, as {@code handle} sees it. */
  static RingletNode member(ProcessCluster handle, UUID hostId) {
    return handle.nodes().stream().filter(n -> n.hostId().equals(hostId)).findFirst().orElseThrow();
  }

  /** The driver's node of host id {@code hostId}. */
  static Node driverNode(CqlSession session, UUID hostId) {
    return session.getMetadata().getNodes().get(hostId);
  }
}
