package dev.ringlet.junit.internal;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The replication map a test keyspace gets: a pure function of the topology. One datacenter uses
 * SimpleStrategy with min(3, nodes) replicas; several use NetworkTopologyStrategy with min(3, nodes)
 * replicas in each, so a keyspace is as available as the cluster allows and never over-replicated.
 */
public final class Replication {

  private Replication() {}

  /** The CQL map literal for {@code WITH replication = ...}. */
  public static String forTopology(List<DatacenterLayout> datacenters) {
    if (datacenters.size() == 1) {
      return "{'class': 'SimpleStrategy', 'replication_factor': " + factor(datacenters.get(0)) + "}";
    }
    return datacenters.stream()
        .map(dc -> "'" + dc.name() + "': " + factor(dc))
        .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
  }

  private static int factor(DatacenterLayout dc) {
    return Math.min(3, dc.nodes());
  }
}
