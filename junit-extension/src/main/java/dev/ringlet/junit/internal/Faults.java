package dev.ringlet.junit.internal;

import dev.ringlet.api.RingletCluster;

/**
 * Fault clean-up between tests: the one place where the extension undoes what a test did to the
 * cluster (stopped, killed or paused nodes, partitions, moved clocks), called by
 * {@link ClusterResource#afterTest} while no test on the cluster runs, before the reset.
 *
 * <p>This build's {@link RingletCluster} offers no fault injection, so a test cannot leave a fault
 * behind and there is nothing to undo: the method does nothing. When the engine's API gains the
 * call that undoes every fault of a cluster (on the cluster work's branch:
 * {@code RingletCluster.resetFaults()}, "heals the network, resumes paused nodes and starts
 * stopped or killed ones"), that call is made here, and only here: {@code cluster.resetFaults();}.
 */
final class Faults {

  private Faults() {}

  /** Brings the cluster back to the state it started in: every node up and reachable, clocks as they were. */
  static void undoAll(RingletCluster cluster) {
    // The engine offers nothing to undo yet (see the class comment).
  }
}
