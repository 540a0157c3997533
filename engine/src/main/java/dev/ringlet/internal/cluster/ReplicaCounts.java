package dev.ringlet.internal.cluster;

import java.util.Map;

/**
 * How many replicas a keyspace has in each datacenter and how many of them are alive, for one
 * token. Pure data for {@link ConsistencyArithmetic}.
 *
 * @param replicas replicas per datacenter
 * @param alive alive replicas per datacenter
 * @param localDatacenter the coordinator's datacenter
 */
public record ReplicaCounts(Map<String, Integer> replicas, Map<String, Integer> alive, String localDatacenter) {

  public ReplicaCounts {
    replicas = Map.copyOf(replicas);
    alive = Map.copyOf(alive);
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
