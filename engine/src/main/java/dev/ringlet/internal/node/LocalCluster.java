package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.wire.WireResources;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** A running cluster in this JVM; for now one node. */
public final class LocalCluster implements RingletCluster {

  private final ClusterSpec spec;
  private final WireResources resources;
  private final List<Node> nodes;
  private final List<RingletNode> handles;

  private LocalCluster(ClusterSpec spec, WireResources resources, List<Node> nodes) {
    this.spec = spec;
    this.resources = resources;
    this.nodes = nodes;
    this.handles = nodes.stream().map(NodeHandle::new).map(h -> (RingletNode) h).toList();
  }

  public static RingletCluster start(ClusterSpec spec) {
    if (spec.nodeCount() != 1) {
      throw new UnsupportedOperationException("a cluster of " + spec.nodeCount()
          + " nodes: this build runs one node per cluster (multi-node clusters are not built yet)");
    }
    if (spec.dataDirectory() != null) {
      throw new UnsupportedOperationException("dataDirectory " + spec.dataDirectory()
          + ": this build keeps data in memory only (durable storage is not built yet)");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(spec.address());
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address: " + spec.address() + " (expected: an IP address or resolvable name)", e);
    }
    UUID hostId = UUID.nameUUIDFromBytes((spec.clusterName() + "/" + spec.datacenter() + "/" + address.getHostAddress() + "/0")
        .getBytes(StandardCharsets.UTF_8));
    NodeConfig config = new NodeConfig(spec.clusterName(), spec.datacenter(), spec.rack(), address, spec.port(),
        spec.releaseVersion(), hostId, Tokens.spread(spec.numTokens(), hostId.getMostSignificantBits()), Clock.system(),
        spec.userDefinedFunctions());
    WireResources resources = WireResources.create(0);
    Node node = new Node(config);
    try {
      node.start(resources);
    } catch (RuntimeException e) {
      resources.close();
      throw e;
    }
    return new LocalCluster(spec, resources, List.of(node));
  }

  @Override
  public String clusterName() {
    return spec.clusterName();
  }

  @Override
  public List<InetSocketAddress> contactPoints() {
    return nodes.stream().map(Node::nativeAddress).toList();
  }

  @Override
  public String localDatacenter() {
    return spec.datacenter();
  }

  @Override
  public List<RingletNode> nodes() {
    return handles;
  }

  @Override
  public int truncate(java.util.Set<String> keyspaces) {
    int tables = 0;
    for (Node n : nodes) {
      tables = n.truncate(keyspaces);
    }
    return tables;
  }

  @Override
  public void close() {
    for (Node n : nodes) {
      n.close();
    }
    resources.close();
  }

  private record NodeHandle(Node node) implements RingletNode {
    @Override
    public InetSocketAddress nativeAddress() {
      return node.nativeAddress();
    }

    @Override
    public String datacenter() {
      return node.config().datacenter();
    }

    @Override
    public String rack() {
      return node.config().rack();
    }

    @Override
    public UUID hostId() {
      return node.config().hostId();
    }
  }
}
