package dev.ringlet.api;

import java.util.List;
import java.util.Objects;

/**
 * One datacenter of a {@link ClusterSpec}: its name, how many nodes it has, and the racks they are
 * spread over. Node {@code i} (0-based) of the datacenter is in rack {@code racks.get(i % racks.size())}.
 *
 * @param name the datacenter name, as in {@code system.local.data_center}
 * @param nodes how many nodes, at least 1
 * @param racks the racks, at least one, distinct
 */
public record DatacenterSpec(String name, int nodes, List<String> racks) {

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
