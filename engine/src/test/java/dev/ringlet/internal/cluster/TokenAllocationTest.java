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

class TokenAllocationTest {

  private static final double RING = Math.pow(2, 64);

  private static Endpoint node(int i, String dc) {
    return new Endpoint(new UUID(0, i), dc, "rack1");
  }

  private static Map<Endpoint, List<Long>> evenCluster(int nodes, int numTokens) {
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (int i = 0; i < nodes; i++) {
      tokens.put(node(i, "dc1"), TokenAllocation.tokens(0, nodes, i, numTokens));
    }
    return tokens;
  }

  /** Each node's share of the ring as primary owner: the widths of the ranges (previous token, its token]. */
  private static Map<Endpoint, Double> ownership(Ring ring) {
    Map<Endpoint, Double> out = new HashMap<>();
    for (int i = 0; i < ring.size(); i++) {
      long previous = ring.tokenAt((i + ring.size() - 1) % ring.size());
      BigInteger width = BigInteger.valueOf(ring.tokenAt(i)).subtract(BigInteger.valueOf(previous));
      if (width.signum() <= 0) {
        width = width.add(BigInteger.ONE.shiftLeft(64));
      }
      out.merge(ring.ownerAt(i), width.doubleValue() / RING, Double::sum);
    }
    return out;
  }

  @Test
  void should_give_a_new_node_an_equal_share_taken_evenly_from_the_others() {
    Map<Endpoint, List<Long>> tokens = evenCluster(3, 16);
    List<Long> added = TokenAllocation.allocate(new Ring(tokens), "dc1", 16, 0);
    assertThat(added).hasSize(16).isSorted().doesNotHaveDuplicates();
    tokens.put(node(3, "dc1"), added);
    Map<Endpoint, Double> shares = ownership(new Ring(tokens));
    assertThat(shares.get(node(3, "dc1"))).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01));
    for (int i = 0; i < 3; i++) {
      assertThat(shares.get(node(i, "dc1"))).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.03));
    }
  }

  @Test
  void should_take_whole_ranges_when_they_are_not_enough_for_an_equal_share() {
    Map<Endpoint, List<Long>> tokens = evenCluster(2, 1);
    List<Long> added = TokenAllocation.allocate(new Ring(tokens), "dc1", 1, 0);
    tokens.put(node(2, "dc1"), added);
    // one token cannot take a third from each of two ranges: it takes a third of the ring from one
    assertThat(ownership(new Ring(tokens)).get(node(2, "dc1"))).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void should_never_choose_a_taken_token_and_spread_a_new_datacenter_evenly() {
    Map<Endpoint, List<Long>> tokens = evenCluster(3, 4);
    Set<Long> taken = new HashSet<>();
    tokens.values().forEach(taken::addAll);
    List<Long> dc2 = TokenAllocation.allocate(new Ring(tokens), "dc2", 4, 1);
    assertThat(dc2).hasSize(4).doesNotContainAnyElementsOf(taken);
    tokens.put(node(9, "dc2"), dc2);
    new Ring(tokens); // distinct tokens, or it throws
  }
}
