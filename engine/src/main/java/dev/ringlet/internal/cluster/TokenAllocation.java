package dev.ringlet.internal.cluster;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of a node that gets none explicitly, chosen as Cassandra 5.0 chooses them with its
 * default {@code num_tokens: 16} and {@code allocate_tokens_for_local_replication_factor: 3}: to
 * balance the load each node of the datacenter carries for that replication factor (its
 * replicated ownership), not its raw share of the ring. {@link ReplicatedTokenAllocator} does the
 * choosing; this class decides, as Cassandra's {@code TokenAllocation} does, what it balances:
 *
 * <ul>
 *   <li>the allocation ring is the node's datacenter (each datacenter is balanced on its own);
 *   <li>the racks counted are those of the datacenter's nodes when the new node's rack already has
 *       one, else 1 (the first node of a rack counts as a rack-less datacenter, as in Cassandra);
 *   <li>factor 1: every node its own group, one replica;
 *   <li>as many racks as the factor: each rack is its own allocation ring with one replica (each
 *       rack holds one replica of everything, so a node's load is its share of its rack);
 *   <li>more racks than the factor: racks are the groups (NetworkTopologyStrategy puts the replicas
 *       of a range on distinct racks);
 *   <li>one rack: every node its own group;
 *   <li>between 1 and the factor: Cassandra refuses to allocate ("the number of racks ... is lower
 *       than its replication factor"); Ringlet balances as with one rack instead, so such specs keep
 *       starting (a documented difference, ADR 0005).
 * </ul>
 *
 * <p>A token already taken by another datacenter is moved to the next free one, as Cassandra does.
 * Everything is a pure function of the ring, the node and a seed, so a spec gives the same tokens on
 * every start. Cassandra's first token of a datacenter is random, so the exact tokens differ from
 * any real cluster's; the balance they reach is what matches ({@code TokenAllocationTest}).
 */
public final class TokenAllocation {

  /** Cassandra 5.0's {@code allocate_tokens_for_local_replication_factor} in its shipped cassandra.yaml. */
  public static final int LOCAL_REPLICATION_FACTOR = 3;

  private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

  private TokenAllocation() {}

  /**
   * The {@code numTokens} tokens of {@code node}, joining {@code ring} (which must not contain it),
   * balanced for {@code replicationFactor} replicas in its datacenter; sorted, none already taken.
   *
   * @param seed where a datacenter's first token goes and how the first nodes split the ring
   */
  public static List<Long> allocate(Ring ring, Endpoint node, int numTokens, int replicationFactor, long seed) {
    if (numTokens < 1) {
      throw new IllegalArgumentException("numTokens: " + numTokens + " (expected: >= 1)");
    }
    if (ring.endpoints().containsKey(node.hostId())) {
      throw new IllegalArgumentException("node " + node.hostId() + " is already in the ring (expected: a new node)");
    }
    java.util.Set<String> racks = new java.util.HashSet<>();
    boolean rackKnown = false;
    for (Endpoint e : ring.endpoints().values()) {
      if (e.datacenter().equals(node.datacenter())) {
        racks.add(e.rack());
        rackKnown |= e.rack().equals(node.rack());
      }
    }
    int rackCount = rackKnown ? racks.size() : 1;
    int replicas = replicationFactor <= 1 || rackCount == replicationFactor ? 1 : replicationFactor;
    boolean sameRackOnly = replicationFactor > 1 && rackCount == replicationFactor;
    boolean groupByRack = replicationFactor > 1 && rackCount > replicationFactor;
    java.util.Map<Long, Object> allocationRing = new java.util.HashMap<>();
    java.util.Map<Object, Object> groups = new java.util.HashMap<>();
    groups.put(node.hostId(), groupByRack ? node.rack() : node.hostId());
    java.util.Set<Long> taken = new java.util.HashSet<>();
    for (int i = 0; i < ring.size(); i++) {
      long t = ring.tokenAt(i);
      Endpoint owner = ring.ownerAt(i);
      taken.add(t);
      if (owner.datacenter().equals(node.datacenter()) && (!sameRackOnly || owner.rack().equals(node.rack()))) {
        allocationRing.put(t, owner.hostId());
        groups.put(owner.hostId(), groupByRack ? owner.rack() : owner.hostId());
      }
    }
    List<Long> chosen = new ReplicatedTokenAllocator(allocationRing, groups, replicas, new java.util.Random(seed))
        .addUnit(node.hostId(), numTokens);
    List<Long> out = new ArrayList<>(chosen.size());
    for (long t : chosen) {
      out.add(free(t, taken));
    }
    out.sort(null);
    return out;
  }

  private static long free(long token, java.util.Set<Long> taken) {
    long t = token == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : token;
    while (!taken.add(t)) {
      t = t == Long.MAX_VALUE ? Long.MIN_VALUE + 1 : t + 1;
    }
    return t;
  }

  /**
   * Evenly spaced tokens, dealt round-robin: those of node {@code nodeIndex} (0-based) of a
   * datacenter of {@code nodes} nodes, the {@code dcIndex}-th of the cluster (shifted by that many
   * units so datacenters never share a token); sorted. Not what nodes get by default
   * ({@link #allocate}); a simple, exactly even ring for tests and examples.
   */
  public static List<Long> tokens(int dcIndex, int nodes, int nodeIndex, int numTokens) {
    if (numTokens < 1) {
      throw new IllegalArgumentException("numTokens: " + numTokens + " (expected: >= 1)");
    }
    if (nodeIndex < 0 || nodeIndex >= nodes) {
      throw new IllegalArgumentException("nodeIndex: " + nodeIndex + " (expected: 0-" + (nodes - 1) + ")");
    }
    int total = nodes * numTokens;
    BigInteger step = RING.divide(BigInteger.valueOf(total));
    List<Long> tokens = new ArrayList<>(numTokens);
    for (int i = nodeIndex; i < total; i += nodes) {
      // Start half a step in, away from the minimum token (which no key hashes to).
      BigInteger offset = step.multiply(BigInteger.valueOf(i)).add(step.shiftRight(1)).add(BigInteger.valueOf(dcIndex));
      tokens.add(BigInteger.valueOf(Long.MIN_VALUE).add(offset).longValue());
    }
    tokens.sort(null);
    return tokens;
  }
}
