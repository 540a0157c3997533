package dev.ringlet.internal.node;

import dev.ringlet.internal.time.Clock;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * Everything one node needs to start, validated by whoever builds it (the cluster from its spec).
 *
 * @param tokens the node's Murmur3 tokens, sorted
 * @param userDefinedFunctions whether CREATE FUNCTION/AGGREGATE are allowed
 */
public record NodeConfig(
    String clusterName,
    String datacenter,
    String rack,
    InetAddress address,
    int port,
    String releaseVersion,
    UUID hostId,
    List<Long> tokens,
    Clock clock,
    boolean userDefinedFunctions) {

  /** A node with user-defined functions disabled (Cassandra's default). */
  public NodeConfig(String clusterName, String datacenter, String rack, InetAddress address, int port,
      String releaseVersion, UUID hostId, List<Long> tokens, Clock clock) {
    this(clusterName, datacenter, rack, address, port, releaseVersion, hostId, tokens, clock, false);
  }

  public NodeConfig {
    tokens = List.copyOf(tokens);
  }
}
