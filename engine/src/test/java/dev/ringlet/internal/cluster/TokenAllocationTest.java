package dev.ringlet.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Replication-aware token allocation: the load each node carries for RF=3 (its replicated
 * ownership), node after node as they would bootstrap, with 16 tokens as Cassandra 5.0's defaults.
 */
class TokenAllocationTest {

  private static final double RING = Math.pow(2, 64);
  private static final int TOKENS = 16;
  private static final int RF = 3;

  private static Endpoint node(int i, String dc, String rack) {
    return new Endpoint(new UUID(0, i), dc, rack);
  }

  /** {@code nodes} nodes of dc1 allocated one after another, racks dealt in turn. */
  private static Map<Endpoint, List<Long>> allocateCluster(int nodes, int racks) {
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (int i = 0; i < nodes; i++) {
      Endpoint e = node(i, "dc1", "rack" + (i % racks + 1));
      tokens.put(e, TokenAllocation.allocate(new Ring(tokens), e, TOKENS, RF, 1000 + i));
    }
    return tokens;
  }

  /** Each node's replicated ownership (fraction of the ring it holds a replica of) under NetworkTopologyStrategy {dc1: rf}. */
  private static Map<Endpoint, Double> replicated(Ring ring, int rf) {
    Map<Endpoint, Double> out = new HashMap<>();
    for (int i = 0; i < ring.size(); i++) {
      long previous = ring.tokenAt((i + ring.size() - 1) % ring.size());
      BigInteger width = BigInteger.valueOf(ring.tokenAt(i)).subtract(BigInteger.valueOf(previous));
      if (width.signum() <= 0) {
        width = width.add(BigInteger.ONE.shiftLeft(64));
      }
      for (Endpoint e : ReplicaPlacement.replicas(ring, ReplicaPlacement.NETWORK_TOPOLOGY, Map.of("dc1", rf), ring.tokenAt(i))) {
        out.merge(e, width.doubleValue() / RING, Double::sum);
      }
    }
    return out;
  }

  private static double spread(Map<Endpoint, Double> load) {
    double max = load.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    double min = load.values().stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    return max / min;
  }

  @Test
  void should_balance_the_replicated_load_of_3_to_12_nodes_in_one_rack() {
    for (int nodes = 3; nodes <= 12; nodes++) {
      Map<Endpoint, Double> load = replicated(new Ring(allocateCluster(nodes, 1)), RF);
      assertThat(load).hasSize(nodes);
      // Every range has 3 replicas: the loads add up to 3 rings.
      assertThat(load.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(spread(load)).as(nodes + " nodes: max/min replicated load " + load.values()).isLessThanOrEqualTo(MAX_SPREAD_ONE_RACK);
    }
  }

  @Test
  void should_balance_the_replicated_load_of_nodes_in_three_racks() {
    for (int nodes = 3; nodes <= 12; nodes += 3) {
      Map<Endpoint, Double> load = replicated(new Ring(allocateCluster(nodes, 3)), RF);
      assertThat(spread(load)).as(nodes + " nodes in 3 racks: max/min replicated load " + load.values())
          .isLessThanOrEqualTo(MAX_SPREAD_THREE_RACKS);
    }
  }

  @Test
  void should_balance_racks_by_node_when_there_are_more_racks_than_replicas() {
    for (int nodes = 8; nodes <= 12; nodes += 4) {
      Map<Endpoint, Double> load = replicated(new Ring(allocateCluster(nodes, 4)), RF);
      assertThat(spread(load)).as(nodes + " nodes in 4 racks: max/min replicated load " + load.values())
          .isLessThanOrEqualTo(MAX_SPREAD_FOUR_RACKS);
    }
  }

  @Test
  void should_give_replicated_balance_better_than_a_ring_of_even_splits_taken_by_a_new_node() {
    // A ring that is perfectly even (3 nodes) gets a fourth node: its tokens take load from all three.
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      tokens.put(node(i, "dc1", "rack1"), TokenAllocation.tokens(0, 3, i, TOKENS));
    }
    Endpoint added = node(3, "dc1", "rack1");
    List<Long> chosen = TokenAllocation.allocate(new Ring(tokens), added, TOKENS, RF, 7);
    assertThat(chosen).hasSize(TOKENS).isSorted().doesNotHaveDuplicates();
    tokens.put(added, chosen);
    Map<Endpoint, Double> load = replicated(new Ring(tokens), RF);
    // ideal: 3 rings over 4 nodes
    for (double l : load.values()) {
      assertThat(l).isCloseTo(0.75, org.assertj.core.data.Offset.offset(0.06));
    }
  }

  @Test
  void should_split_the_largest_range_for_the_first_nodes_of_a_datacenter() {
    Map<Endpoint, List<Long>> cluster = allocateCluster(3, 1);
    Ring ring = new Ring(cluster);
    assertThat(ring.size()).isEqualTo(3 * TOKENS);
    // Each split takes 55-63 % of the largest range: after 48 tokens no range is above 4 % of the ring
    // nor below a quarter of the largest; varied, not even, which lets later nodes balance.
    double largest = 0;
    double smallest = 1;
    for (int i = 0; i < ring.size(); i++) {
      long previous = ring.tokenAt((i + ring.size() - 1) % ring.size());
      double width = BigInteger.valueOf(ring.tokenAt(i)).subtract(BigInteger.valueOf(previous)).add(BigInteger.ONE.shiftLeft(64))
          .mod(BigInteger.ONE.shiftLeft(64)).doubleValue() / RING;
      largest = Math.max(largest, width);
      smallest = Math.min(smallest, width);
    }
    assertThat(largest).isLessThan(0.04);
    assertThat(smallest).isGreaterThan(largest / 4);
    assertThat(largest / smallest).isGreaterThan(1.1);
  }

  @Test
  void should_choose_the_same_tokens_for_the_same_ring_and_seed() {
    assertThat(allocateCluster(7, 1)).isEqualTo(allocateCluster(7, 1));
    Endpoint first = node(0, "dc1", "rack1");
    assertThat(TokenAllocation.allocate(new Ring(Map.of()), first, TOKENS, RF, 1))
        .isNotEqualTo(TokenAllocation.allocate(new Ring(Map.of()), first, TOKENS, RF, 2));
  }

  @Test
  void should_balance_primary_ownership_for_a_replication_factor_of_one() {
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (int i = 0; i < 6; i++) {
      Endpoint e = node(i, "dc1", "rack1");
      tokens.put(e, TokenAllocation.allocate(new Ring(tokens), e, TOKENS, 1, i));
    }
    Map<Endpoint, Double> load = replicated(new Ring(tokens), 1);
    assertThat(spread(load)).as("primary ownership " + load.values()).isLessThanOrEqualTo(1.25);
  }

  @Test
  void should_never_choose_a_taken_token_and_balance_each_datacenter_alone() {
    Map<Endpoint, List<Long>> tokens = allocateCluster(4, 1);
    Set<Long> taken = new HashSet<>();
    tokens.values().forEach(taken::addAll);
    // dc2's first node: its own ring, and a token of dc1's is never reused
    for (int i = 0; i < 4; i++) {
      Endpoint e = node(10 + i, "dc2", "rack1");
      List<Long> chosen = TokenAllocation.allocate(new Ring(tokens), e, TOKENS, RF, 50 + i);
      assertThat(chosen).hasSize(TOKENS).doesNotContainAnyElementsOf(taken);
      taken.addAll(chosen);
      tokens.put(e, chosen);
    }
    Ring ring = new Ring(tokens); // distinct tokens, or it throws
    Map<Endpoint, Double> load = replicated(ring, RF);
    Map<Endpoint, Double> dc2 = new HashMap<>();
    Map<String, Integer> factors = Map.of("dc1", RF, "dc2", RF);
    for (int i = 0; i < ring.size(); i++) {
      long previous = ring.tokenAt((i + ring.size() - 1) % ring.size());
      double width = BigInteger.valueOf(ring.tokenAt(i)).subtract(BigInteger.valueOf(previous)).add(BigInteger.ONE.shiftLeft(64))
          .mod(BigInteger.ONE.shiftLeft(64)).doubleValue() / RING;
      for (Endpoint e : ReplicaPlacement.replicas(ring, ReplicaPlacement.NETWORK_TOPOLOGY, factors, ring.tokenAt(i))) {
        if (e.datacenter().equals("dc2")) {
          dc2.merge(e, width, Double::sum);
        }
      }
    }
    assertThat(load).isNotEmpty();
    assertThat(spread(dc2)).as("dc2 " + dc2.values()).isLessThanOrEqualTo(MAX_SPREAD_ONE_RACK);
  }

  // Bounds. One rack: Cassandra 5.0.9's own allocator (OfflineTokenAllocator, same topology, 16
  // tokens, RF 3) reaches max/min 1.017-1.056 for 4-12 nodes (ADR 0005). Racks: each rack balanced
  // alone (3 racks) or racks as groups (4 racks) come close to even.
  private static final double MAX_SPREAD_ONE_RACK = 1.08;
  private static final double MAX_SPREAD_THREE_RACKS = 1.05;
  private static final double MAX_SPREAD_FOUR_RACKS = 1.12;
}
