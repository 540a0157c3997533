package dev.ringlet.spring.internal;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import java.util.stream.Collectors;

/**
 * The replication of a keyspace the starter creates, a pure function of the topology: one
 * datacenter gets SimpleStrategy, several get NetworkTopologyStrategy with a factor per
 * datacenter. The factor is the one asked for, or min(3, nodes) so a keyspace is never
 * over-replicated; an explicit factor above a datacenter's node count is refused.
 */
public final class Replication {

  private Replication() {}

  /** The CQL map literal for {@code WITH replication = ...}; {@code factor} null means min(3, nodes). */
  public static String forSpec(ClusterSpec spec, Integer factor) {
    if (factor != null && factor < 1) {
      throw new IllegalArgumentException("ringlet.keyspace.replication-factor: " + factor + " (expected: at least 1)");
    }
    if (spec.datacenters().size() == 1) {
      return "{'class': 'SimpleStrategy', 'replication_factor': " + factor(spec.datacenters().get(0), factor) + "}";
    }
    return spec.datacenters().stream()
        .map(dc -> "'" + dc.name().replace("'", "''") + "': " + factor(dc, factor))
        .collect(Collectors.joining(", ", "{'class': 'NetworkTopologyStrategy', ", "}"));
  }

  private static int factor(DatacenterSpec dc, Integer asked) {
    if (asked == null) {
      return Math.min(3, dc.nodes());
    }
    if (asked > dc.nodes()) {
      throw new IllegalArgumentException("ringlet.keyspace.replication-factor: " + asked + " (expected: at most "
          + dc.nodes() + ", the nodes of datacenter " + dc.name() + ")");
    }
    return asked;
  }
}
