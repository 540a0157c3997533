package dev.ringlet.internal.node;

import dev.ringlet.internal.system.NodeInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A node's view of its cluster's members: who its peers are, how Cassandra's messages and
 * {@code system.peers} describe them. Static facts from the cluster's member list; what gossip
 * knows (a peer's schema version) is asked for by the caller. Only for a node of a cluster.
 */
final class Members {

  private final NodeConfig self;
  private final ClusterContext cluster;

  Members(NodeConfig self, ClusterContext cluster) {
    this.self = self;
    this.cluster = cluster;
  }

  /** The other members' host ids, in the cluster's order. */
  List<UUID> peerIds() {
    List<UUID> out = new ArrayList<>();
    for (NodeConfig m : cluster.members()) {
      if (!m.hostId().equals(self.hostId())) {
        out.add(m.hostId());
      }
    }
    return out;
  }

  /** A member's broadcast address by host id (null when unknown), as failure answers name replicas. */
  InetAddress addressOf(UUID hostId) {
    if (hostId.equals(self.hostId())) {
      return self.address();
    }
    for (NodeConfig m : cluster.members()) {
      if (m.hostId().equals(hostId)) {
        return m.address();
      }
    }
    return null;
  }

  /** A member's native-protocol address, or an IllegalArgumentException for a host id that is not one. */
  InetSocketAddress nativeAddressOf(UUID peer) {
    NodeConfig m = cluster.config(peer);
    if (m != null) {
      return new InetSocketAddress(m.address(), m.port());
    }
    throw new IllegalArgumentException("peer: " + peer + " (expected: a member of the cluster)");
  }

  /** A node as Cassandra's messages name it: {@code /address:storage_port}. */
  String describe(UUID node) {
    NodeConfig m = cluster.config(node);
    return m == null ? node.toString() : "/" + m.address().getHostAddress() + ":" + m.storagePort();
  }

  /** The peers' rows of {@code system.peers}: static facts plus the schema version gossip knows for each. */
  List<NodeInfo> peerInfos(Function<UUID, UUID> schemaVersions) {
    List<NodeInfo> out = new ArrayList<>();
    for (NodeConfig m : cluster.members()) {
      if (m.hostId().equals(self.hostId())) {
        continue;
      }
      UUID version = schemaVersions.apply(m.hostId());
      out.add(new NodeInfo(m.clusterName(), m.datacenter(), m.rack(), m.releaseVersion(), m.hostId(), m.tokens(), m.address(),
          m.storagePort(), m.address(), m.storagePort(), m.address(), m.port(), version));
    }
    return out;
  }
}
