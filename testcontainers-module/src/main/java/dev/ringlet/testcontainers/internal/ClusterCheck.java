package dev.ringlet.testcontainers.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.rnorth.ducttape.ratelimits.RateLimiter;
import org.rnorth.ducttape.ratelimits.RateLimiterBuilder;

/** Checks, through the CQL port, that containers serve CQL and see each other as one cluster. */
public final class ClusterCheck {

  private ClusterCheck() {}

  /** Waits until the node at {@code contactPoint} answers CQL (see {@link CqlReadyWaitStrategy}). */
  public static void awaitReady(InetSocketAddress contactPoint, Duration timeout) {
    poll(timeout, "CQL not ready on " + contactPoint, () -> {
      String version = CqlReadyWaitStrategy.releaseVersion(contactPoint.getHostString(), contactPoint.getPort(),
          Duration.ofSeconds(2));
      return version == null ? "no release_version in system.local yet" : null;
    });
  }

  /**
   * Waits until every node lists {@code expectedPeers} complete rows in {@code system.peers}: with the
   * data center, rack, host id, RPC address, schema version and tokens a driver needs (it ignores a
   * peer whose row lacks one, as a row does for a moment while gossip fills it in).
   *
   * @throws IllegalStateException naming the node and what it saw, when that does not happen in time
   */
  public static void awaitPeers(List<InetSocketAddress> contactPoints, int expectedPeers, Duration timeout) {
    poll(timeout, "the containers did not form one cluster", () -> {
      for (InetSocketAddress node : contactPoints) {
        try (CqlProbe probe = CqlProbe.connect(node.getHostString(), node.getPort(), Duration.ofSeconds(2))) {
          probe.startup();
          List<List<byte[]>> rows = probe.query(
              "SELECT peer, data_center, rack, host_id, rpc_address, schema_version, tokens FROM system.peers");
          int complete = 0;
          for (List<byte[]> row : rows) {
            if (isComplete(row)) {
              complete++;
            }
          }
          if (rows.size() != expectedPeers || complete != expectedPeers) {
            return "the node at " + node + " sees " + rows.size() + " peers in system.peers, " + complete
                + " of them complete (expected: " + expectedPeers + ")";
          }
        }
      }
      return null;
    });
  }

  /** Every column present, and the tokens a non-empty set (its first 4 bytes are its size). */
  private static boolean isComplete(List<byte[]> row) {
    for (byte[] value : row) {
      if (value == null) {
        return false;
      }
    }
    byte[] tokens = row.get(row.size() - 1);
    return tokens.length > 4;
  }

  /** A check: null when satisfied, otherwise what is still wrong. */
  private interface Check {
    String failure() throws IOException;
  }

  private static void poll(Duration timeout, String what, Check check) {
    RateLimiter attempts = RateLimiterBuilder.newBuilder().withRate(10, TimeUnit.SECONDS).withConstantThroughput().build();
    long deadline = System.nanoTime() + timeout.toNanos();
    String last;
    while (true) {
      attempts.doWhenReady(() -> { });
      try {
        last = check.failure();
        if (last == null) {
          return;
        }
      } catch (IOException e) {
        last = e.toString();
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(what + " after " + timeout + ": " + last);
      }
    }
  }
}
