package dev.ringlet.junit.internal;

import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.net.InetSocketAddress;

/**
 * The short description of a test's cluster that is attached to a failing test's exception as a
 * suppressed exception, so it prints right below the failure. No stack trace of its own.
 */
public final class ClusterReport extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ClusterReport(String report) {
    super(report, null, false, false);
  }

  /** What the failure output says about the cluster and the class's settings. */
  public static String describe(ClusterSettings settings, RingletCluster cluster, String keyspaceInUse) {
    StringBuilder out = new StringBuilder("Ringlet cluster of this test:");
    out.append("\n  cluster: '").append(cluster.clusterName()).append("', release_version ")
        .append(settings.spec().releaseVersion()).append(settings.shared() ? ", shared" : ", own");
    out.append("\n  contact points: ").append(cluster.contactPoints())
        .append(", local datacenter: ").append(cluster.localDatacenter());
    for (RingletNode node : cluster.nodes()) {
      InetSocketAddress address = node.nativeAddress();
      out.append("\n  node ").append(address.getAddress().getHostAddress()).append(':').append(address.getPort())
          .append(" ").append(node.datacenter()).append('/').append(node.rack())
          .append(" host_id ").append(node.hostId());
    }
    out.append("\n  keyspace: ").append(keyspaceInUse.isEmpty() ? "(none)" : keyspaceInUse)
        .append(", schema: ").append(settings.schema())
        .append(", isolation: ").append(settings.isolation());
    // Seam: the engine's query log (the cluster issue) goes here, the last statements first.
    out.append("\n  query log: not offered by this engine version");
    return out.toString();
  }
}
