package dev.ringlet.internal.exec;

import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.cluster.Topology;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Checks a request's consistency level against the keyspace's replicas before it runs, answering
 * Cassandra's Invalid and Unavailable errors. (Per-token replica sets and node liveness come from
 * the topology; on one node every replica factor above 1 counts the one live replica.)
 */
public final class ConsistencyGuard {

  private final Supplier<Topology> topology;
  /** The last answer of {@link #counts}: replica counts are the same for every request until the keyspace or topology changes. */
  private volatile Counted last;

  private record Counted(Topology topology, ReplicationParams replication, ReplicaCounts counts) {}

  public ConsistencyGuard(Supplier<Topology> topology) {
    this.topology = topology;
  }

  public void checkRead(KeyspaceMetadata keyspace, ConsistencyLevel level) {
    ConsistencyArithmetic.validateForRead(level);
    ConsistencyArithmetic.assureSufficientLiveReplicas(level, counts(keyspace));
  }

  public void checkWrite(KeyspaceMetadata keyspace, ConsistencyLevel level, boolean conditional, ConsistencyLevel serial) {
    validateWrite(keyspace, level, conditional);
    checkWriteReplicas(keyspace, level, conditional, serial);
  }

  /** The levels a write may not use (Invalid), whatever the replicas. */
  public void validateWrite(KeyspaceMetadata keyspace, ConsistencyLevel level, boolean conditional) {
    ConsistencyArithmetic.validateForWrite(level, conditional);
    if (conditional) {
      String strategy = keyspace.replication().strategyClass();
      ConsistencyArithmetic.validateForCasCommit(level, strategy.equals(ReplicationParams.NETWORK_TOPOLOGY), strategy);
    }
  }

  /** Whether enough replicas are alive for the write (Unavailable), once {@link #validateWrite} passed. */
  public void checkWriteReplicas(KeyspaceMetadata keyspace, ConsistencyLevel level, boolean conditional, ConsistencyLevel serial) {
    ReplicaCounts counts = counts(keyspace);
    if (conditional) {
      ConsistencyArithmetic.assureSufficientLiveReplicas(serial, counts);
    }
    ConsistencyArithmetic.assureSufficientLiveReplicas(level, counts);
  }

  ReplicaCounts counts(KeyspaceMetadata keyspace) {
    Topology t = topology.get();
    ReplicationParams r = keyspace.replication();
    Counted cached = last;
    if (cached != null && (cached.replication() == r || cached.replication().equals(r))
        && (cached.topology() == t || cached.topology().equals(t))) {
      return cached.counts();
    }
    ReplicaCounts counts = compute(t, r);
    last = new Counted(t, r, counts);
    return counts;
  }

  private static ReplicaCounts compute(Topology t, ReplicationParams r) {
    Map<String, Integer> replicas = new HashMap<>();
    Map<String, Integer> alive = new HashMap<>();
    if (r.strategyClass().equals(ReplicationParams.NETWORK_TOPOLOGY)) {
      for (Map.Entry<String, Integer> dc : t.nodes().entrySet()) {
        int rf = r.replicationFactor(dc.getKey());
        replicas.put(dc.getKey(), rf);
        alive.put(dc.getKey(), Math.min(rf, t.aliveNodes().getOrDefault(dc.getKey(), 0)));
      }
      for (String dc : r.options().keySet()) {
        replicas.putIfAbsent(dc, r.replicationFactor(dc));
        alive.putIfAbsent(dc, 0);
      }
    } else if (r.strategyClass().equals(ReplicationParams.SIMPLE)) {
      int rf = r.totalReplicationFactor();
      int live = t.aliveNodes().values().stream().mapToInt(Integer::intValue).sum();
      replicas.put(t.localDatacenter(), rf);
      alive.put(t.localDatacenter(), Math.min(rf, live));
    } else {
      replicas.put(t.localDatacenter(), 1);
      alive.put(t.localDatacenter(), 1);
    }
    return new ReplicaCounts(replicas, alive, t.localDatacenter(),
        r.strategyClass().equals(ReplicationParams.NETWORK_TOPOLOGY));
  }
}
