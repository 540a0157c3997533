package dev.ringlet.junit.internal;

import dev.ringlet.api.RingletCluster;

/**
 * Fault clean-up between tests: the one place where the extension undoes what a test did to the
 * cluster, called by {@link ClusterResource#afterTest} while no test on the cluster runs, before the
 * reset. {@link RingletCluster#resetFaults()} heals partitions, removes message rules, resumes paused
 * nodes and starts stopped or killed ones. A manual clock is not turned back: time only moves forward,
 * as data written at a later time would otherwise be in the future.
 */
final class Faults {

  private Faults() {}

  /** Brings the cluster back to every node up and reachable. */
  static void undoAll(RingletCluster cluster) {
    cluster.resetFaults();
  }
}
