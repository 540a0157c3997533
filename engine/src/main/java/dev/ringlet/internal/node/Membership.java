package dev.ringlet.internal.node;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Ring;
import dev.ringlet.internal.cluster.TokenAllocation;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.wire.WireResources;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * The steps of the membership changes of an in-JVM cluster: bootstrap (a node joins), and leaving
 * (decommission of a live node, removenode of a dead one). Each makes the change pending in the
 * shared {@link ClusterContext} (so coordinators write to the pending replicas), has the nodes that
 * gain ranges stream them, then completes it. See ADR 0005. A multi-process cluster takes the same
 * steps through messages ({@link ProcessMembership}) and shares the token choice and the checks here.
 */
final class Membership {

  private Membership() {}

  /** What a joining node will be. */
  record Join(NodeConfig config) {}

  /** The new node's address, host id and tokens (balanced for its datacenter's replicated load, see {@link TokenAllocation#allocate}). */
  static Join planJoin(ClusterSpec spec, ClusterContext context, String datacenter, String rack, List<NodeConfig> existing) {
    requireName(datacenter, "datacenter");
    requireName(rack, "rack");
    Addresses.Slot slot = Addresses.next(spec, existing);
    NodeConfig first = existing.get(0);
    UUID hostId = UUID.nameUUIDFromBytes((spec.clusterName() + "/" + datacenter + "/" + slot.address().getHostAddress() + ":"
        + slot.port() + "/joined-" + existing.size()).getBytes(StandardCharsets.UTF_8));
    List<Long> tokens = TokenAllocation.allocate(context.ring(), new Endpoint(hostId, datacenter, rack), spec.numTokens(),
        TokenAllocation.LOCAL_REPLICATION_FACTOR, seed(spec, datacenter, existing.size()));
    return new Join(new NodeConfig(spec.clusterName(), datacenter, rack, slot.address(), slot.port(), spec.releaseVersion(), hostId,
        tokens, first.clock(), slot.storagePort(), spec.authentication(), spec.userDefinedFunctions(), spec.materializedViews(),
        spec.dynamicDataMasking(), LocalCluster.readThresholds(spec), LocalCluster.udfTimeouts(spec)));
  }

  /** A seed that depends on the spec and the join's place in the cluster's history only (not on the random address block). */
  private static long seed(ClusterSpec spec, String datacenter, int members) {
    return UUID.nameUUIDFromBytes((spec.clusterName() + "/" + datacenter + "/joined-" + members).getBytes(StandardCharsets.UTF_8))
        .getMostSignificantBits();
  }

  /**
   * The tokens of a process joining a running ring over TCP: balanced for its datacenter's replicated
   * load as an in-JVM join ({@link TokenAllocation#allocate}), seeded by its host id.
   */
  static List<Long> allocateTokens(Ring ring, java.util.UUID hostId, String datacenter, String rack, int numTokens) {
    return TokenAllocation.allocate(ring, new Endpoint(hostId, datacenter, rack), numTokens,
        TokenAllocation.LOCAL_REPLICATION_FACTOR, hostId.getMostSignificantBits());
  }

  /**
   * Starts the node, makes it JOINING, streams its ranges and makes it NORMAL. On failure nothing is
   * pending any more and the node is stopped.
   */
  static void bootstrap(ClusterContext context, Node joining, List<Node> running, WireResources resources) {
    UUID id = joining.config().hostId();
    for (Node other : running) {
      other.peerJoining(id);
    }
    boolean begun = false;
    try {
      joining.start(resources);
      context.beginJoin(joining.config());
      begun = true;
      joining.fetchGained(context.ring(), context.futureRing(), true);
      context.completeJoin(id);
    } catch (RuntimeException e) {
      if (begun) {
        context.abortChange();
      }
      joining.stop(false);
      for (Node other : running) {
        other.peerJoinAborted(id);
      }
      throw e;
    }
  }

  /**
   * Makes the node LEAVING (its ranges pending on the nodes that take them over), has each of
   * {@code live} fetch what it gains, and removes the node from the ring.
   *
   * @param strict true for a decommission (every range must be streamed), false for a removenode
   */
  static void leave(ClusterContext context, UUID leaving, List<Node> live, boolean strict) {
    context.beginLeave(leaving);
    try {
      Ring current = context.ring();
      Ring future = context.futureRing();
      for (Node n : live) {
        if (!n.config().hostId().equals(leaving)) {
          n.fetchGained(current, future, strict);
        }
      }
      context.completeLeave(leaving);
    } catch (RuntimeException e) {
      context.abortChange();
      throw e;
    }
  }

  /**
   * Cassandra's refusals before a decommission: the last node, or a keyspace whose replication
   * factor in the node's datacenter is not below the datacenter's node count.
   */
  static void requireDecommissionKeepsReplicationFactor(ClusterContext context, Node leaving) {
    List<NodeConfig> members = context.members();
    if (members.size() <= 1) {
      throw new UnsupportedOperationException("no other normal nodes in the ring; decommission would be pointless");
    }
    String dc = leaving.config().datacenter();
    for (KeyspaceMetadata ks : leaving.schemaSnapshot().keyspaces().values()) {
      if (ks.virtual()) {
        continue;
      }
      ReplicationParams r = ks.replication();
      int rf;
      int nodes;
      if (r.strategyClass().equals(ReplicationParams.NETWORK_TOPOLOGY)) {
        rf = r.replicationFactor(dc);
        nodes = (int) members.stream().filter(m -> m.datacenter().equals(dc)).count();
      } else if (r.strategyClass().equals(ReplicationParams.SIMPLE)) {
        rf = r.totalReplicationFactor();
        nodes = members.size();
      } else {
        continue;
      }
      if (rf > 0 && nodes <= rf) {
        throw new UnsupportedOperationException("Not enough live nodes to maintain replication factor in keyspace " + ks.name()
            + " (RF = " + rf + ", N = " + nodes + "). Perform a forceful decommission to ignore.");
      }
    }
  }

  private static void requireName(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + ": " + (value == null ? "null" : "blank") + " (expected: a non-empty name)");
    }
  }
}
