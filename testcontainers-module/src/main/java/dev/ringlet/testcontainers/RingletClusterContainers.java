package dev.ringlet.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.ringlet.testcontainers.internal.ClusterCheck;
import dev.ringlet.testcontainers.internal.NodeAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
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
 *       // plus an AddressTranslator built from cluster.getAddressTranslation() (see that method)
 *       .build();
 *   cluster.stopNode(3);   // a replica down; QUORUM still answers with RF=3
 *   cluster.startNode(3);  // and it rejoins
 * }
 * }</pre>
 *
 * <p>Every node gets a fixed address on the group's network (from the top of its IPv4 subnet), so a
 * stopped container that starts again comes back at the same address and rejoins as the same node;
 * the nodes reach each other on the internode port 7000 of those addresses, and find the seeds by
 * their network aliases {@code ringlet-1}, {@code ringlet-2}, ... After starting, {@link #start()}
 * checks that every node sees all the others in {@code system.peers} and fails otherwise. An image
 * whose server has no {@code --seeds} makes {@link #start()} with more than one node fail with an
 * {@link UnsupportedOperationException} quoting that server's refusal.
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
  private final List<String> nodeAddresses = new ArrayList<>();
  private final List<Consumer<RingletContainer>> eachNode = new ArrayList<>();
  private Path dataDirectory;

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
   * Configures every node's container as it is created, before it starts, e.g.
   * {@code .withEachNode(RingletContainer::withMaterializedViews)} or
   * {@code .withEachNode(node -> node.withAuthentication())}. Settings that make up the cluster (its
   * name, datacenters, racks, seeds, addresses, network) are this group's and must not be changed
   * here. Configurers run in the order given.
   */
  public RingletClusterContainers withEachNode(Consumer<RingletContainer> configurer) {
    eachNode.add(Objects.requireNonNull(configurer, "configurer"));
    return this;
  }

  /**
   * Durable mode for every node: node {@code n} (1-based) keeps its files in {@code hostDirectory/node-n}
   * (see {@link RingletContainer#withDataDirectory}), created at {@link #start()} with the permissions
   * of {@code hostDirectory}, which must exist. A new group started on the same directory, with the same
   * datacenters and node counts, brings back the same nodes (host ids, tokens), schema and data.
   */
  public RingletClusterContainers withDataDirectory(Path hostDirectory) {
    this.dataDirectory = hostDirectory.toAbsolutePath();
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
    List<RingletContainer> created = create(NodeAddresses.reserve(DockerClientFactory.instance().client(),
        network.getId(), datacenters.values().stream().mapToInt(Integer::intValue).sum()));
    nodes.addAll(created);
    try {
      startAll(created);
      if (created.size() > 1) {
        ClusterCheck.awaitPeers(nodeContactPoints(), created.size() - 1, formationTimeout);
      }
    } catch (RuntimeException e) {
      stop();
      throw e;
    }
  }

  private List<RingletContainer> create(List<String> addresses) {
    int total = addresses.size();
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
        String address = addresses.get(index - 1);
        RingletContainer node = new RingletContainer(image)
            .withCreateContainerCmdModifier(cmd -> cmd.withIpv4Address(address))
            .withEnv("CASSANDRA_LISTEN_ADDRESS", address)
            .withNetwork(network)
            .withNetworkAliases(alias(index))
            .withClusterName(clusterName)
            .withDatacenter(dc.getKey())
            .withRack("rack" + (i % racksPerDatacenter + 1));
        if (total > 1) {
          node.withEnv("CASSANDRA_SEEDS", String.join(",", seeds));
        }
        if (dataDirectory != null) {
          node.withDataDirectory(nodeDirectory(index));
        }
        for (Consumer<RingletContainer> configurer : eachNode) {
          configurer.accept(node);
        }
        created.add(node);
        nodeAddresses.add(address);
      }
    }
    return created;
  }

  /** The seeds one after the other (the first one alone forms the cluster), then the others together. */
  private void startAll(List<RingletContainer> created) {
    List<RingletContainer> others = new ArrayList<>();
    for (RingletContainer node : created) {
      if (isSeed(node)) {
        startOne(node);
      } else {
        others.add(node);
      }
    }
    if (others.isEmpty()) {
      return;
    }
    // a thread per node: the common pool has a single thread on a 2-core machine
    ExecutorService starter = Executors.newFixedThreadPool(others.size());
    try {
      List<CompletableFuture<Void>> starting = new ArrayList<>();
      for (RingletContainer node : others) {
        starting.add(CompletableFuture.runAsync(() -> startOne(node), starter));
      }
      CompletableFuture.allOf(starting.toArray(new CompletableFuture<?>[0])).join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException) {
        throw (RuntimeException) e.getCause();
      }
      throw e;
    } finally {
      starter.shutdown();
    }
  }

  private boolean isSeed(RingletContainer node) {
    String seeds = node.getEnvMap().get("CASSANDRA_SEEDS");
    int index = nodes.indexOf(node) + 1;
    return seeds == null || List.of(seeds.split(",")).contains(alias(index));
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

  /** {@code dataDirectory/node-n}, created with the permissions of {@code dataDirectory} (the container's user must write there). */
  private Path nodeDirectory(int index) {
    Path dir = dataDirectory.resolve("node-" + index);
    try {
      if (!Files.isDirectory(dataDirectory)) {
        throw new IllegalArgumentException("withDataDirectory: " + dataDirectory + " is not a directory");
      }
      if (!Files.isDirectory(dir)) {
        Files.createDirectory(dir);
        try {
          Files.setPosixFilePermissions(dir, Files.getPosixFilePermissions(dataDirectory));
        } catch (UnsupportedOperationException notPosix) {
          // a file system without POSIX permissions: the directory keeps its defaults
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("withDataDirectory: cannot create " + dir, e);
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
    nodeAddresses.clear();
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

  /**
   * Node {@code n}'s address on the group's network: what the nodes, and {@code system.local} and
   * {@code system.peers}, know it by. It stays the same when the node is stopped and started again.
   */
  public String getNodeAddress(int n) {
    getNode(n);
    return nodeAddresses.get(n - 1);
  }

  /**
   * For drivers that cannot reach the containers' own addresses (they are advertised in
   * {@code system.peers} and {@code system.local}, but a driver outside the network must use the
   * mapped host ports): each running node's address on the network with port 9042, mapped to its
   * current contact point. An {@code AddressTranslator} of the Cassandra Java driver
   * ({@code advanced.address-translator.class}) can translate with it; addresses not in the map are
   * not the group's.
   */
  public Map<InetSocketAddress, InetSocketAddress> getAddressTranslation() {
    Map<InetSocketAddress, InetSocketAddress> translation = new LinkedHashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      RingletContainer node = nodes.get(i);
      if (node.isRunning()) {
        translation.put(new InetSocketAddress(literal(nodeAddresses.get(i)), RingletContainer.CQL_PORT),
            contactPoint(node));
      }
    }
    return translation;
  }

  private static InetAddress literal(String address) {
    try {
      return InetAddress.getByName(address); // an IP literal: no name lookup
    } catch (UnknownHostException e) {
      throw new IllegalStateException("not an IP address: " + address, e);
    }
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
