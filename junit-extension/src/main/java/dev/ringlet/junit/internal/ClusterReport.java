package dev.ringlet.junit.internal;

import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import java.util.regex.Pattern;
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
    appendQueries(out, cluster.queryLog());
    return out.toString();
  }

  /** How many of the latest requests the report shows. */
  static final int RECENT_QUERIES = 20;

  /** What drivers ask of every node for their metadata: left out of the report. */
  private static final Pattern DRIVER_METADATA = Pattern.compile(
      "(?is)\\s*SELECT\\b.*\\bFROM\\s+\"?system(_schema|_virtual_schema)?\"?\\s*\\..*");

  private static void appendQueries(StringBuilder out, QueryLog log) {
    List<LoggedQuery> all = log.queries(q -> q.query() == null || !DRIVER_METADATA.matcher(q.query()).matches());
    List<LoggedQuery> shown = all.subList(Math.max(0, all.size() - RECENT_QUERIES), all.size());
    out.append("\n  recent queries (since the previous test; ");
    if (all.size() > shown.size()) {
      out.append("last ").append(shown.size()).append(" of ").append(all.size()).append(", ");
    }
    out.append("SELECTs of system tables, the drivers' metadata, left out):");
    if (shown.isEmpty()) {
      out.append("\n    (none)");
    }
    for (LoggedQuery q : shown) {
      out.append("\n    ").append(q);
    }
  }
}
