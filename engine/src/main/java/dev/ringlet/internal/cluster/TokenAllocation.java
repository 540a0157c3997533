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
 *
 * <p>A node added to a running cluster ({@link #allocate}) cannot move the others' tokens, so it
 * aims where Cassandra's allocator aims: an equal share of its datacenter. With {@code n} nodes
 * already in the datacenter it should own {@code 1/(n+1)} of the ring; it takes the
 * {@code numTokens} largest ranges between the datacenter's tokens and places each token so that it
 * owns the same fraction of each, that fraction chosen so the shares add up to {@code 1/(n+1)} (or
 * whole ranges when even they are not enough). Each existing node loses about as much as the
 * others when ownership was even before. A datacenter without nodes gets evenly spaced tokens.
 */
public final class TokenAllocation {

  private static final BigInteger RING = BigInteger.ONE.shiftLeft(64);

  private TokenAllocation() {}

  /**
   * Tokens for one more node of {@code datacenter}, given every token of the ring: see the class
   * comment. Never returns a token already taken; sorted.
   */
  public static List<Long> allocate(Ring ring, String datacenter, int numTokens, int dcIndex) {
    if (numTokens < 1) {
      throw new IllegalArgumentException("numTokens: " + numTokens + " (expected: >= 1)");
    }
    java.util.Set<Long> taken = new java.util.HashSet<>();
    java.util.TreeSet<Long> dcTokens = new java.util.TreeSet<>();
    int dcNodes = 0;
    for (Endpoint e : ring.endpoints().values()) {
      if (e.datacenter().equals(datacenter)) {
        dcNodes++;
      }
    }
    for (int i = 0; i < ring.size(); i++) {
      taken.add(ring.tokenAt(i));
      if (ring.ownerAt(i).datacenter().equals(datacenter)) {
        dcTokens.add(ring.tokenAt(i));
      }
    }
    List<Long> chosen = new ArrayList<>();
    if (dcTokens.isEmpty()) {
      for (long t : tokens(dcIndex, 1, 0, numTokens)) {
        chosen.add(free(t, taken));
      }
      chosen.sort(null);
      return chosen;
    }
    // Every range (start, end] between consecutive tokens of the datacenter, with its width.
    List<BigInteger[]> ranges = new ArrayList<>();
    Long previous = dcTokens.last();
    for (Long end : dcTokens) {
      BigInteger width = BigInteger.valueOf(end).subtract(BigInteger.valueOf(previous));
      if (width.signum() <= 0) {
        width = width.add(RING);
      }
      ranges.add(new BigInteger[] {BigInteger.valueOf(previous), width});
      previous = end;
    }
    // Largest first; among equal ones, ring order (stable sort).
    ranges.sort((a, b) -> b[1].compareTo(a[1]));
    List<BigInteger[]> picked = ranges.subList(0, Math.min(numTokens, ranges.size()));
    BigInteger sum = BigInteger.ZERO;
    for (BigInteger[] r : picked) {
      sum = sum.add(r[1]);
    }
    BigInteger target = RING.divide(BigInteger.valueOf(dcNodes + 1L));
    for (BigInteger[] r : picked) {
      // owned = width × min(1, target / sum), leaving at least one token's room for the old owner
      BigInteger owned = target.compareTo(sum) >= 0 ? r[1].subtract(BigInteger.ONE) : r[1].multiply(target).divide(sum);
      if (owned.signum() <= 0) {
        owned = BigInteger.ONE;
      }
      long t = BigInteger.valueOf(Long.MIN_VALUE).add(r[0].subtract(BigInteger.valueOf(Long.MIN_VALUE)).add(owned).mod(RING))
          .longValue();
      chosen.add(free(t, taken));
    }
    // More tokens than the datacenter has ranges (few tokens per node): the rest evenly spaced.
    while (chosen.size() < numTokens) {
      long t = tokens(dcIndex, numTokens, chosen.size(), numTokens).get(0);
      chosen.add(free(t, taken));
    }
    chosen.sort(null);
    return chosen;
  }

  private static long free(long token, java.util.Set<Long> taken) {
    long t = token == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : token;
    while (!taken.add(t)) {
      t = t == Long.MAX_VALUE ? Long.MIN_VALUE + 1 : t + 1;
    }
    return t;
  }

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
