package dev.ringlet.internal.cluster;

import java.util.Map;

/**
 * How many replicas a keyspace has in each datacenter and how many of them are alive, for one
 * token. Pure data for {@link ConsistencyArithmetic}.
 *
 * @param replicas replicas per datacenter
 * @param alive alive replicas per datacenter
 * @param localDatacenter the coordinator's datacenter
 * @param networkTopology whether the keyspace uses NetworkTopologyStrategy: only then is
 *     EACH_QUORUM a quorum in each datacenter (5.0's {@code ConsistencyLevel.blockFor} and
 *     {@code ReplicaPlans.assureSufficientLiveReplicas} fall back to QUORUM for other strategies)
 */
public record ReplicaCounts(Map<String, Integer> replicas, Map<String, Integer> alive, String localDatacenter,
    boolean networkTopology) {

  public ReplicaCounts {
    replicas = Map.copyOf(replicas);
    alive = Map.copyOf(alive);
  }

  /** Counts of a NetworkTopologyStrategy keyspace. */
  public ReplicaCounts(Map<String, Integer> replicas, Map<String, Integer> alive, String localDatacenter) {
    this(replicas, alive, localDatacenter, true);
  }

  public int totalReplicas() {
    return replicas.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int totalAlive() {
    return alive.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int localReplicas() {
    return replicas.getOrDefault(localDatacenter, 0);
  }

  public int localAlive() {
    return alive.getOrDefault(localDatacenter, 0);
  }
}
