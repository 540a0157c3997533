package dev.ringlet.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.Ring;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A multi-process cluster's nodes choose their tokens as in-JVM clusters do: the replication-aware
 * allocator against the ring before them, seeded by their host id (which their cluster name and
 * internode address fix), so the same processes started again get the same ring.
 */
class ProcessTokensTest {

  private static final int NUM_TOKENS = 8;

  @Test
  void should_give_a_cluster_started_twice_on_the_same_addresses_the_same_ring() throws IOException {
    // Given three processes on the internode ports they bound (0: free ones), kept for the second start
    int[] internode = {0, 0, 0};
    // When the same three processes start one after another, twice
    Map<UUID, List<Long>> first = startAndStop(internode);
    Map<UUID, List<Long>> second = startAndStop(internode);
    // Then every node has the same tokens both times
    assertThat(first).hasSize(3);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void should_allocate_each_node_against_the_ring_before_it_as_in_jvm_clusters_do() throws IOException {
    Map<UUID, List<Long>> tokens = startAndStop(new int[] {0, 0, 0});
    // Each node's tokens are what the in-JVM allocator gives it after the nodes started before it
    Map<Endpoint, List<Long>> before = new LinkedHashMap<>();
    for (Map.Entry<UUID, List<Long>> node : tokens.entrySet()) {
      Endpoint endpoint = new Endpoint(node.getKey(), "datacenter1", "rack1");
      assertThat(node.getValue()).hasSize(NUM_TOKENS)
          .isEqualTo(Membership.allocateTokens(new Ring(before), node.getKey(), "datacenter1", "rack1", NUM_TOKENS));
      before.put(endpoint, node.getValue());
    }
  }

  @Test
  void should_keep_explicit_initial_tokens() throws IOException {
    InetSocketAddress anyPort = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    ClusterSpec spec = spec("explicit").withNumTokens(2);
    spec = spec.withDatacenters(spec.datacenters().get(0).withTokens(0, "-42", "42"));
    try (ProcessCluster p = ProcessCluster.start(new ProcessCluster.Options(spec, anyPort, List.of(), Duration.ofSeconds(30)))) {
      assertThat(tokens(p)).containsExactly(-42L, 42L);
    }
  }

  @Test
  void should_give_a_standalone_in_jvm_cluster_the_same_ring_on_every_start() {
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("datacenter1", 3));
    assertThat(ring(spec)).isEqualTo(ring(spec)).hasSize(3 * ClusterSpec.DEFAULT_NUM_TOKENS + 3);
  }

  /** The ring's tokens in order, then its host ids. */
  private static List<Object> ring(ClusterSpec spec) {
    try (LocalCluster cluster = (LocalCluster) LocalCluster.start(spec)) {
      Ring ring = cluster.futureRing();
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < ring.size(); i++) {
        out.add(ring.tokenAt(i));
      }
      out.addAll(new java.util.TreeSet<>(ring.endpoints().keySet()));
      return out;
    }
  }

  /**
   * Starts a process per internode port, one after another (the first is the seed); each node's
   * tokens in start order. A port 0 is replaced in {@code internode} by the port the node bound.
   */
  private static Map<UUID, List<Long>> startAndStop(int[] internode) {
    List<ProcessCluster> processes = new ArrayList<>();
    try {
      for (int i = 0; i < internode.length; i++) {
        InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), internode[i]);
        List<InetSocketAddress> seeds = i == 0 ? List.of() : List.of(processes.get(0).internodeAddress());
        ProcessCluster p = ProcessCluster.start(new ProcessCluster.Options(spec("same-ring"), listen, seeds, Duration.ofSeconds(30)));
        processes.add(p);
        internode[i] = p.internodeAddress().getPort();
      }
      Map<UUID, List<Long>> out = new LinkedHashMap<>();
      for (ProcessCluster p : processes) {
        out.put(p.nodes().get(0).hostId(), tokens(p));
      }
      return out;
    } finally {
      for (ProcessCluster p : processes) {
        p.close();
      }
    }
  }

  private static ClusterSpec spec(String name) {
    return ClusterSpec.defaults().withClusterName(name).withAddress("127.0.0.1").withPort(0).withNumTokens(NUM_TOKENS);
  }

  private static List<Long> tokens(ProcessCluster p) {
    return ((NodeView) p.nodes().get(0)).node().config().tokens();
  }
}
