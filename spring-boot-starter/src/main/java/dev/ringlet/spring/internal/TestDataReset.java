package dev.ringlet.spring.internal;

import dev.ringlet.api.RingletCluster;
import java.util.Set;

/**
 * Undoes the faults a test injected ({@link RingletCluster#resetFaults}: heals partitions, restarts
 * stopped or killed nodes) and empties the application's keyspaces after it, through the engine (no
 * client round trip).
 * A bean of each context that uses Ringlet; {@link ResetTestExecutionListener} calls it.
 */
public final class TestDataReset {

  private final RingletCluster cluster;
  private final Set<String> keyspaces;

  /** @param keyspaces the keyspaces to empty, as stored (case-sensitive names unquoted) */
  public TestDataReset(RingletCluster cluster, Set<String> keyspaces) {
    this.cluster = cluster;
    this.keyspaces = Set.copyOf(keyspaces);
  }

  public Set<String> keyspaces() {
    return keyspaces;
  }

  /** @return the number of tables emptied */
  public int reset() {
    cluster.resetFaults();
    return keyspaces.isEmpty() ? 0 : cluster.truncate(keyspaces);
  }
}
