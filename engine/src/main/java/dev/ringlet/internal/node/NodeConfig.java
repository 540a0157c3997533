package dev.ringlet.internal.node;

import dev.ringlet.internal.time.Clock;
import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

/**
 * Everything one node needs to start, validated by whoever builds it (the cluster from its spec).
 *
 * @param tokens the node's Murmur3 tokens, sorted
 * @param authentication PasswordAuthenticator + CassandraAuthorizer when true; no login when false
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
    boolean authentication) {

  public NodeConfig {
    tokens = List.copyOf(tokens);
  }
}
