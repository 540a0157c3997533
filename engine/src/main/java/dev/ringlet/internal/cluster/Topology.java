package dev.ringlet.internal.cluster;

import java.util.Map;

/**
 * What a coordinator knows of the cluster's shape: its own datacenter and, per datacenter, how many
 * nodes there are and how many are alive.
 */
public record Topology(String localDatacenter, Map<String, Integer> nodes, Map<String, Integer> aliveNodes) {

  public Topology {
    nodes = Map.copyOf(nodes);
    aliveNodes = Map.copyOf(aliveNodes);
  }

  public static Topology singleNode(String datacenter) {
    return new Topology(datacenter, Map.of(datacenter, 1), Map.of(datacenter, 1));
  }

  public int totalNodes() {
    return nodes.values().stream().mapToInt(Integer::intValue).sum();
  }
}
