package dev.ringlet.junit.internal;

import dev.ringlet.api.DatacenterSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Keyspace replication suited to a topology: one node gets SimpleStrategy with one replica; more
 * nodes get NetworkTopologyStrategy with min(3, nodes of the datacenter) replicas in each
 * datacenter, so every datacenter can serve LOCAL_QUORUM while up to one replica in three is down.
 */
public final class Replication {

  private Replication() {}

  /** The {@code replication} map literal for CREATE KEYSPACE. */
  public static String forTopology(List<DatacenterSpec> datacenters) {
    if (datacenters.stream().mapToInt(DatacenterSpec::nodes).sum() == 1) {
      return "{'class': 'SimpleStrategy', 'replication_factor': 1}";
    }
    return datacenters.stream()
        .map(dc -> "'" + dc.name().replace("'", "''") + "': " + Math.min(3, dc.nodes()))
        .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
  }
}
