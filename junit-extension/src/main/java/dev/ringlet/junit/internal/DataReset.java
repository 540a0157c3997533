package dev.ringlet.junit.internal;

import java.util.Set;

/**
 * Empties the tables of a set of keyspaces between tests. Today through the driver
 * ({@link #truncatingThrough}); the seam for the engine's own, faster reset when its public API
 * offers one: add an implementation that calls it and choose it in {@link ClusterResource}.
 */
@FunctionalInterface
interface DataReset {

  /**
   * Empties every table of the keyspaces.
   *
   * @return the number of tables emptied
   */
  int reset(Set<String> keyspaces);

  /** The engine empties the tables itself: no client round trip, no driver needed. */
  static DataReset direct(dev.ringlet.api.RingletCluster cluster) {
    return cluster::truncate;
  }

  /** One TRUNCATE per table through the driver, all in flight at once. */
  static DataReset truncatingThrough(SessionPool sessions) {
    return sessions::truncateTables;
  }
}
