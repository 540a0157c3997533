package dev.ringlet.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One datacenter of a {@link ClusterSpec}: its name, how many nodes it has, and the racks they are
 * spread over. Node {@code i} (0-based) of the datacenter is in rack {@code racks.get(i % racks.size())}.
 *
 * @param name the datacenter name, as in {@code system.local.data_center}
 * @param nodes how many nodes, at least 1
 * <p>Tokens: by default every node gets {@code ClusterSpec.numTokens()} tokens chosen as Cassandra
 * 5.0's replication-aware allocator chooses them (each node's load for 3 replicas balanced within
 * its datacenter), the same for the same spec on every start. {@link #withTokens(int, String...)} gives a node explicit tokens instead, as Cassandra's
 * {@code initial_token}; when the cluster starts they are validated as Cassandra validates them
 * (their number must equal {@code num_tokens}, and no token may belong to two nodes).
 *
 * @param racks the racks, at least one, distinct
 * @param initialTokens explicit Murmur3 tokens by node index (0-based within the datacenter), each
 *     list sorted and free of duplicates; nodes not in the map get chosen tokens
 */
public record DatacenterSpec(String name, int nodes, List<String> racks, Map<Integer, List<Long>> initialTokens) {

  /** A datacenter whose nodes all get chosen tokens. */
  public DatacenterSpec(String name, int nodes, List<String> racks) {
    this(name, nodes, racks, Map.of());
  }

  public DatacenterSpec {
    ClusterSpec.requireName(name, "datacenter name");
    if (nodes < 1 || nodes > 64) {
      throw new IllegalArgumentException("nodes: " + nodes + " in datacenter " + name + " (expected: 1-64)");
    }
    racks = List.copyOf(Objects.requireNonNull(racks, "racks"));
    if (racks.isEmpty()) {
      throw new IllegalArgumentException("racks: empty in datacenter " + name + " (expected: at least one rack)");
    }
    for (String r : racks) {
      ClusterSpec.requireName(r, "rack name");
    }
    if (racks.stream().distinct().count() != racks.size()) {
      throw new IllegalArgumentException("racks: " + racks + " in datacenter " + name + " (expected: distinct names)");
    }
    Map<Integer, List<Long>> tokens = new TreeMap<>();
    for (Map.Entry<Integer, List<Long>> e : Objects.requireNonNull(initialTokens, "initialTokens").entrySet()) {
      int index = e.getKey();
      if (index < 0 || index >= nodes) {
        throw new IllegalArgumentException("initialTokens: node index " + index + " in datacenter " + name + " (expected: 0-"
            + (nodes - 1) + ")");
      }
      // Cassandra reads initial_token into a set: a repeated token counts once (and then the count is off).
      List<Long> sorted = new ArrayList<>(new java.util.TreeSet<>(e.getValue()));
      if (sorted.isEmpty()) {
        throw new IllegalArgumentException("initialTokens: none for node " + index + " in datacenter " + name
            + " (expected: at least one token)");
      }
      tokens.put(index, List.copyOf(sorted));
    }
    initialTokens = java.util.Collections.unmodifiableMap(tokens);
  }

  /**
   * This datacenter with explicit tokens for node {@code nodeIndex} (0-based within the datacenter),
   * Cassandra's {@code initial_token}: Murmur3 tokens as signed 64-bit decimals, e.g.
   * {@code "-9223372036854775808"}, {@code "0"}. A repeated token counts once, as in Cassandra.
   *
   * @throws IllegalArgumentException when a token is not a Murmur3 token or the index is out of range
   */
  public DatacenterSpec withTokens(int nodeIndex, String... tokens) {
    List<Long> parsed = new ArrayList<>();
    for (String t : tokens) {
      parsed.add(parseToken(t));
    }
    return withTokens(nodeIndex, parsed);
  }

  /** This datacenter with explicit Murmur3 tokens for node {@code nodeIndex}; see {@link #withTokens(int, String...)}. */
  public DatacenterSpec withTokens(int nodeIndex, List<Long> tokens) {
    Map<Integer, List<Long>> next = new TreeMap<>(initialTokens);
    next.put(nodeIndex, List.copyOf(tokens));
    return new DatacenterSpec(name, nodes, racks, next);
  }

  /** The explicit tokens of node {@code index}, or an empty list when its tokens are chosen. */
  public List<Long> tokensOf(int index) {
    return initialTokens.getOrDefault(index, List.of());
  }

  /**
   * Parses one Murmur3 token as Cassandra's {@code initial_token} does.
   *
   * @throws IllegalArgumentException when it is not a signed 64-bit decimal
   */
  public static long parseToken(String token) {
    Objects.requireNonNull(token, "token");
    try {
      return Long.parseLong(token.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("token: '" + token + "' (expected: a Murmur3 token, a signed 64-bit decimal)");
    }
  }

  /** {@code nodes} nodes in one rack, {@code rack1}. */
  public static DatacenterSpec of(String name, int nodes) {
    return new DatacenterSpec(name, nodes, List.of(ClusterSpec.DEFAULT_RACK));
  }

  /** {@code nodes} nodes spread over {@code racks} racks named {@code rack1}, {@code rack2}, ... */
  public static DatacenterSpec of(String name, int nodes, int racks) {
    if (racks < 1) {
      throw new IllegalArgumentException("racks: " + racks + " (expected: at least 1)");
    }
    return new DatacenterSpec(name, nodes, java.util.stream.IntStream.rangeClosed(1, racks).mapToObj(i -> "rack" + i).toList());
  }

  /** The rack of node {@code index} (0-based) of this datacenter. */
  public String rackOf(int index) {
    return racks.get(index % racks.size());
  }
}
