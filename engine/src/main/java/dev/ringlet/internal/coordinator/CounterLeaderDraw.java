package dev.ringlet.internal.coordinator;

import java.util.random.RandomGenerator;

/**
 * How a coordinator picks a counter write's leader among the live replicas of its datacenter
 * ({@link CounterWrites#chooseLeader}). Cassandra 5.0 draws one at random ({@link #random}); tests
 * that need to know which replica leads (to drop its shard messages, say) can pin the choice.
 */
@FunctionalInterface
public interface CounterLeaderDraw {

  /**
   * @param candidates how many live local replicas there are (at least 1)
   * @param coordinator the coordinator's index among them, -1 when it is not one of them
   * @return the index of the leader, in {@code [0, candidates)}
   */
  int draw(int candidates, int coordinator);

  /** Cassandra 5.0's choice: any of them with equal chance, the coordinator not preferred. */
  static CounterLeaderDraw random(RandomGenerator random) {
    return (candidates, coordinator) -> random.nextInt(candidates);
  }

  /** A test seam, not Cassandra's behaviour: the coordinator when it is a candidate, else the first in placement order. */
  static CounterLeaderDraw coordinatorFirst() {
    return (candidates, coordinator) -> Math.max(coordinator, 0);
  }
}
