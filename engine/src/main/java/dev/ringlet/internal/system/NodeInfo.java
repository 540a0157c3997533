package dev.ringlet.internal.system;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * What {@code system.local} and the peers tables say about one node.
 *
 * @param tokens the node's tokens (Murmur3, as longs), sorted
 * @param schemaVersion the schema version this node has
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
    UUID schemaVersion) {

  public NodeInfo {
    tokens = List.copyOf(tokens);
  }
}
