package dev.ringlet.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.ringlet.testcontainers.internal.ClusterCheck;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;
import org.testcontainers.utility.DockerImageName;

/**
 * A group of Ringlet containers on one network that form one multi-node cluster through the
 * engine's TCP cluster transport: datacenters with racks, the first node of each datacenter a seed
 * ({@code CASSANDRA_SEEDS}), a contact point for every node, and stop/start/pause of single nodes for
 * failure tests.
 *
 * <pre>{@code
 * try (RingletClusterContainers cluster = new RingletClusterContainers("ringlet:0.1.0-SNAPSHOT").withNodes(3)) {
 *   cluster.start();
 *   CqlSession session = CqlSession.builder()
 *       .addContactPoints(cluster.getContactPoints())
 *       .withLocalDatacenter(cluster.getLocalDatacenter())
 *       .build();
 *   cluster.stopNode(3);   // a replica down; QUORUM still answers with RF=3
 *   cluster.startNode(3);  // and it rejoins
 * }
 * }</pre>
 *
 * <p><b>Status:</b> the engine cannot form a multi-node cluster across processes yet (its TCP cluster
 * transport is not built). With more than one node, {@link #start()} refuses with an
 * {@link UnsupportedOperationException} that quotes the node's own refusal, instead of starting
 * independent nodes that would only pretend to be a cluster. After starting, it also checks that
 * every node sees all the others in {@code system.peers} and fails otherwise.
 */
public final class RingletClusterContainers implements Startable {

  private final DockerImageName image;
  private final Map<String, Integer> datacenters = new LinkedHashMap<>();
  private int racksPerDatacenter = 1;
  private String clusterName = "Ringlet Cluster";
  private Duration formationTimeout = Duration.ofSeconds(60);
  private Network network;
  private boolean ownNetwork;
  private final List<RingletContainer> nodes = new ArrayList<>();

  /** A group of containers of the given image (by default one datacenter, datacenter1, with 3 nodes). */
  public RingletClusterContainers(String dockerImageName) {
    this(DockerImageName.parse(dockerImageName));
  }

  /** A group of containers of the given image (by default one datacenter, datacenter1, with 3 nodes). */
  public RingletClusterContainers(DockerImageName image) {
    image.assertCompatibleWith(RingletContainer.DEFAULT_IMAGE_NAME);
    this.image = image;
  }

  /** One datacenter, {@code datacenter1}, with {@code nodes} nodes (replaces any datacenters set before). */
  public RingletClusterContainers withNodes(int nodes) {
    datacenters.clear();
    return withDatacenter(RingletContainer.DEFAULT_LOCAL_DATACENTER, nodes);
  }

  /** Adds a datacenter of {@code nodes} nodes; the first one added is the local datacenter. */
  public RingletClusterContainers withDatacenter(String name, int nodes) {
    if (nodes < 1) {
      throw new IllegalArgumentException("nodes: " + nodes + " (expected: >= 1)");
    }
    if (datacenters.containsKey(name)) {
      throw new IllegalArgumentException("datacenter " + name + ": already added");
    }
    datacenters.put(name, nodes);
    return this;
  }

  /** Spreads each datacenter's nodes round-robin over racks rack1..rackN (default 1). */
  public RingletClusterContainers withRacksPerDatacenter(int racks) {
    if (racks < 1) {
      throw new IllegalArgumentException("racks: " + racks + " (expected: >= 1)");
    }
    this.racksPerDatacenter = racks;
    return this;
  }

  /** The cluster name of every node (default "Ringlet Cluster"). */
  public RingletClusterContainers withClusterName(String name) {
    this.clusterName = name;
    return this;
  }

  /** The network the containers join (default: a new network, removed by {@link #stop()}). */
  public RingletClusterContainers withNetwork(Network network) {
    this.network = network;
    return this;
  }

  /** How long {@link #start()} waits for every node to see all the others (default 60 s). */
  public RingletClusterContainers withFormationTimeout(Duration timeout) {
    this.formationTimeout = timeout;
    return this;
  }

  /**
   * Starts the seeds, then the other nodes, then waits until every node lists all the others in
   * {@code system.peers}.
   *
   * @throws UnsupportedOperationException when the image's engine cannot form a multi-node cluster
   * @throws IllegalStateException when the nodes started but did not form one cluster in time
   */
  @Override
  public void start() {
    if (!nodes.isEmpty()) {
      return;
    }
    if (datacenters.isEmpty()) {
      withNodes(3);
    }
    if (network == null) {
      network = Network.newNetwork();
      ownNetwork = true;
    }
    List<RingletContainer> created = create();
    nodes.addAll(created);
    try {
      for (RingletContainer node : created) {
        startOne(node);
      }
      if (created.size() > 1) {
        ClusterCheck.awaitPeers(nodeContactPoints(), created.size() - 1, formationTimeout);
      }
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private List<RingletContainer> create() {
    int total = datacenters.values().stream().mapToInt(Integer::intValue).sum();
    List<String> seeds = new ArrayList<>();
    int index = 0;
    for (Map.Entry<String, Integer> dc : datacenters.entrySet()) {
      seeds.add(alias(index + 1));
      index += dc.getValue();
    }
    List<RingletContainer> created = new ArrayList<>();
    index = 0;
    for (Map.Entry<String, Integer> dc : datacenters.entrySet()) {
      for (int i = 0; i < dc.getValue(); i++) {
        index++;
        RingletContainer node = new RingletContainer(image)
            .withNetwork(network)
            .withNetworkAliases(alias(index))
            .withClusterName(clusterName)
            .withDatacenter(dc.getKey())
            .withRack("rack" + (i % racksPerDatacenter + 1));
        if (total > 1) {
          node.withEnv("CASSANDRA_SEEDS", String.join(",", seeds));
        }
        created.add(node);
      }
    }
    return created;
  }

  private void startOne(RingletContainer node) {
    try {
      node.start();
    } catch (ContainerLaunchException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = String.valueOf(t.getMessage());
        if (message.contains("unknown option --seeds")) {
          throw new UnsupportedOperationException("RingletClusterContainers: the engine in image " + image
              + " cannot form a multi-node cluster (its server refused CASSANDRA_SEEDS: \"unknown option --seeds\");"
              + " a Ringlet with the TCP cluster transport is needed. Use RingletContainer for one node.", e);
        }
      }
      throw e;
    }
  }

  private static String alias(int index) {
    return "ringlet-" + index;
  }

  /** Stops and removes every container, and the network if this group created it. */
  @Override
  public void stop() {
    for (RingletContainer node : nodes) {
      node.stop();
    }
    nodes.clear();
    if (ownNetwork && network != null) {
      network.close();
      network = null;
      ownNetwork = false;
    }
  }

  /** The nodes, in order: datacenter by datacenter, node 1 first. */
  public List<RingletContainer> getNodes() {
    return List.copyOf(nodes);
  }

  /** Node {@code n} (1-based). */
  public RingletContainer getNode(int n) {
    if (n < 1 || n > nodes.size()) {
      throw new IllegalArgumentException("node: " + n + " (expected: 1-" + nodes.size() + ")");
    }
    return nodes.get(n - 1);
  }

  /**
   * Where a driver on the test's side reaches each running node: the host and the port mapped to
   * 9042, read afresh (a restarted container may be given another host port).
   */
  public List<InetSocketAddress> getContactPoints() {
    List<InetSocketAddress> points = new ArrayList<>();
    for (RingletContainer node : nodes) {
      if (node.isRunning()) {
        points.add(contactPoint(node));
      }
    }
    return points;
  }

  /** Node {@code n}'s current contact point (see {@link #getContactPoints()}). */
  public InetSocketAddress getContactPoint(int n) {
    return contactPoint(getNode(n));
  }

  private static InetSocketAddress contactPoint(RingletContainer node) {
    Ports.Binding[] bindings = node.getCurrentContainerInfo().getNetworkSettings().getPorts().getBindings()
        .get(ExposedPort.tcp(RingletContainer.CQL_PORT));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException("node " + node.getContainerName() + ": port " + RingletContainer.CQL_PORT
          + " is not mapped (is the container running?)");
    }
    return new InetSocketAddress(node.getHost(), Integer.parseInt(bindings[0].getHostPortSpec()));
  }

  /** The first datacenter's name, for {@code CqlSessionBuilder.withLocalDatacenter}. */
  public String getLocalDatacenter() {
    return datacenters.isEmpty() ? RingletContainer.DEFAULT_LOCAL_DATACENTER : datacenters.keySet().iterator().next();
  }

  /** Stops node {@code n}'s process (its container stays, with its address), as a crashed node. */
  public void stopNode(int n) {
    DockerClient docker = DockerClientFactory.instance().client();
    docker.stopContainerCmd(getNode(n).getContainerId()).exec();
  }

  /** Starts node {@code n} again after {@link #stopNode(int)}, and waits until it serves CQL. */
  public void startNode(int n) {
    RingletContainer node = getNode(n);
    DockerClient docker = DockerClientFactory.instance().client();
    docker.startContainerCmd(node.getContainerId()).exec();
    ClusterCheck.awaitReady(contactPoint(node), formationTimeout);
  }

  /** Freezes node {@code n} (its process gets no CPU and answers nothing), as an unresponsive node. */
  public void pauseNode(int n) {
    DockerClientFactory.instance().client().pauseContainerCmd(getNode(n).getContainerId()).exec();
  }

  /** Resumes node {@code n} after {@link #pauseNode(int)}. */
  public void unpauseNode(int n) {
    DockerClientFactory.instance().client().unpauseContainerCmd(getNode(n).getContainerId()).exec();
  }

  private List<InetSocketAddress> nodeContactPoints() {
    List<InetSocketAddress> points = new ArrayList<>();
    for (RingletContainer node : nodes) {
      points.add(contactPoint(node));
    }
    return points;
  }
}
