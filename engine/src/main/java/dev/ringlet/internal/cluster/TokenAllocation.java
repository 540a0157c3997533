package dev.ringlet.internal.cluster;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Deterministic vnode tokens that balance ownership, a pure function of the topology.
 *
 * <p>Each datacenter gets its own ring of {@code nodes × numTokens} evenly spaced tokens, dealt to its
 * nodes round-robin (token {@code i} to node {@code i mod nodes}), so within a datacenter every node
 * owns the same share, whatever the racks; datacenters are shifted by a few units so no two nodes of
 * the cluster share a token. This is what Cassandra's allocator converges to for an empty cluster
 * (equal ownership per datacenter), reached directly rather than by its greedy optimisation.
 */
public final class TokenAllocation {

  private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

  private TokenAllocation() {}

  /**
   * The tokens of node {@code nodeIndex} (0-based within its datacenter) of a datacenter of
   * {@code nodes} nodes, the {@code dcIndex}-th of the cluster; sorted.
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
