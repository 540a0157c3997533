package dev.ringlet.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReplicaPlacementTest {

  private static Endpoint node(int i, String dc, String rack) {
    return new Endpoint(new UUID(0, i), dc, rack);
  }

  @Test
  void simple_strategy_should_take_the_next_distinct_owners_clockwise() {
    Endpoint a = node(1, "dc1", "r1");
    Endpoint b = node(2, "dc1", "r1");
    Endpoint c = node(3, "dc1", "r1");
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    tokens.put(a, List.of(0L, 300L));
    tokens.put(b, List.of(100L));
    tokens.put(c, List.of(200L));
    Ring ring = new Ring(tokens);
    assertThat(ReplicaPlacement.replicas(ring, ReplicaPlacement.SIMPLE, Map.of("", 2), 50)).containsExactly(b, c);
    assertThat(ReplicaPlacement.replicas(ring, ReplicaPlacement.SIMPLE, Map.of("", 2), 250)).containsExactly(a, b);
    assertThat(ReplicaPlacement.replicas(ring, ReplicaPlacement.SIMPLE, Map.of("", 2), 301)).containsExactly(a, b);
    assertThat(ReplicaPlacement.replicas(ring, ReplicaPlacement.SIMPLE, Map.of("", 5), 0)).containsExactly(a, b, c);
  }

  @Test
  void network_topology_should_spread_over_racks_before_reusing_one() {
    Endpoint a = node(1, "dc1", "r1");
    Endpoint b = node(2, "dc1", "r1");
    Endpoint c = node(3, "dc1", "r2");
    Endpoint d = node(4, "dc2", "r1");
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    tokens.put(a, List.of(0L));
    tokens.put(b, List.of(100L));
    tokens.put(c, List.of(200L));
    tokens.put(d, List.of(150L));
    Ring ring = new Ring(tokens);
    // From token 0: a (r1), b skipped (r1 used), d (dc2), c (r2): racks done, so b comes back.
    assertThat(ReplicaPlacement.replicas(ring, ReplicaPlacement.NETWORK_TOPOLOGY, Map.of("dc1", 2, "dc2", 1), 0))
        .containsExactly(a, d, c);
    assertThat(ReplicaPlacement.replicas(ring, ReplicaPlacement.NETWORK_TOPOLOGY, Map.of("dc1", 3), 0))
        .containsExactly(a, c, b);
  }

  @Test
  void token_allocation_should_balance_ownership_within_each_datacenter() {
    int nodes = 3;
    int numTokens = 16;
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (int i = 0; i < nodes; i++) {
      tokens.put(node(i, "dc1", "r1"), TokenAllocation.tokens(0, nodes, i, numTokens));
      tokens.put(node(10 + i, "dc2", "r1"), TokenAllocation.tokens(1, nodes, i, numTokens));
    }
    Ring ring = new Ring(tokens);
    assertThat(ring.size()).isEqualTo(2 * nodes * numTokens);
    for (int i = 0; i < nodes; i++) {
      assertThat(TokenAllocation.tokens(0, nodes, i, numTokens)).hasSize(numTokens).isSorted();
    }
  }
}
