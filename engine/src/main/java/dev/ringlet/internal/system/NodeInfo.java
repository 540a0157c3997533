package dev.ringlet.internal.system;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * What {@code system.local} and the peers tables say about one node.
 *
 * @param tokens the node's tokens (Murmur3, as longs), sorted
 * @param schemaVersion the schema version this node has
 * @param gossipGeneration {@code system.local.gossip_generation}: the second (of the node's clock)
 *     it last started, raised by one over the previous start when the clock has not moved on; 0 for
 *     a peer ({@code system.peers} has no such column)
 */
public record NodeInfo(
    String clusterName,
    String datacenter,
    String rack,
    String releaseVersion,
    UUID hostId,
    List<Long> tokens,
    InetAddress broadcastAddress,
    int broadcastPort,
    InetAddress listenAddress,
    int listenPort,
    InetAddress rpcAddress,
    int nativePort,
    UUID schemaVersion,
    int gossipGeneration) {

  public NodeInfo {
    tokens = List.copyOf(tokens);
  }

  /** A peer's facts, or a node's whose gossip generation does not matter: generation 0. */
  public NodeInfo(String clusterName, String datacenter, String rack, String releaseVersion, UUID hostId, List<Long> tokens,
      InetAddress broadcastAddress, int broadcastPort, InetAddress listenAddress, int listenPort, InetAddress rpcAddress,
      int nativePort, UUID schemaVersion) {
    this(clusterName, datacenter, rack, releaseVersion, hostId, tokens, broadcastAddress, broadcastPort, listenAddress, listenPort,
        rpcAddress, nativePort, schemaVersion, 0);
  }
}
