package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.cluster.UnavailableException;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many replicas a consistency level needs ("block for"), and the Unavailable error Cassandra
 * answers when fewer are alive. Pure functions over {@link ReplicaCounts}.
 */
public final class ConsistencyArithmetic {

  private ConsistencyArithmetic() {}

  public static int quorum(int replicas) {
    return replicas / 2 + 1;
  }

  /**
   * Replicas the level waits for; for EACH_QUORUM the sum over datacenters (with a strategy other
   * than NetworkTopologyStrategy, QUORUM's count, as 5.0's {@code blockFor}).
   */
  public static int blockFor(ConsistencyLevel level, ReplicaCounts counts) {
    switch (level) {
      case ANY:
      case ONE:
      case LOCAL_ONE:
      case NODE_LOCAL:
        return 1;
      case TWO:
        return 2;
      case THREE:
        return 3;
      case QUORUM:
      case SERIAL:
        return quorum(counts.totalReplicas());
      case ALL:
        return counts.totalReplicas();
      case LOCAL_QUORUM:
      case LOCAL_SERIAL:
        return quorum(counts.localReplicas());
      case EACH_QUORUM:
        if (!counts.networkTopology()) {
          return quorum(counts.totalReplicas());
        }
        int sum = 0;
        for (int rf : counts.replicas().values()) {
          sum += quorum(rf);
        }
        return sum;
      default:
        throw new IllegalArgumentException("level: " + level);
    }
  }

  /**
   * Replicas a write waits for while ranges move: the level's count plus the pending replicas that
   * count for it (those of the local datacenter for the LOCAL levels, all of them otherwise; none
   * for ANY), as Cassandra's {@code blockForWrite}.
   *
   * @param pending pending replicas of the token per datacenter
   */
  public static int blockForWrite(ConsistencyLevel level, ReplicaCounts counts, Map<String, Integer> pending) {
    int blockFor = blockFor(level, counts);
    switch (level) {
      case ANY:
        return blockFor;
      case LOCAL_ONE:
      case LOCAL_QUORUM:
      case LOCAL_SERIAL:
        return blockFor + pending.getOrDefault(counts.localDatacenter(), 0);
      default:
        return blockFor + pending.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * {@link #assureSufficientLiveReplicas} for a write with pending replicas: {@code counts.alive}
   * then counts the live natural and pending replicas, which must reach {@link #blockForWrite}.
   * EACH_QUORUM is the exception, as in 5.0's {@code ReplicaPlans.assureSufficientLiveReplicas}:
   * each datacenter's live natural and pending replicas must reach only its quorum (pending
   * replicas are not added to it); the write then waits for the quorum plus the datacenter's
   * pending replicas, so a datacenter short of those times out instead.
   */
  public static void assureSufficientLiveReplicasForWrite(ConsistencyLevel level, ReplicaCounts counts,
      Map<String, Integer> pending) {
    if (pending.isEmpty()) {
      assureSufficientLiveReplicas(level, counts);
      return;
    }
    switch (level) {
      case ANY:
        return;
      case LOCAL_ONE:
      case LOCAL_QUORUM:
      case LOCAL_SERIAL:
        check(level, blockForWrite(level, counts, pending), counts.localAlive());
        return;
      case EACH_QUORUM:
        if (!counts.networkTopology()) {
          break; // 5.0 falls through to QUORUM's check for SimpleStrategy
        }
        Map<String, Integer> sorted = new TreeMap<>(counts.replicas());
        for (Map.Entry<String, Integer> dc : sorted.entrySet()) {
          checkEachQuorum(level, quorum(dc.getValue()), counts.alive().getOrDefault(dc.getKey(), 0));
        }
        return;
      default:
        break;
    }
    check(level, blockForWrite(level, counts, pending), counts.totalAlive());
  }

  /** Throws Cassandra's {@link UnavailableException} when too few replicas are alive for the level. */
  public static void assureSufficientLiveReplicas(ConsistencyLevel level, ReplicaCounts counts) {
    switch (level) {
      case ANY:
        return; // a hint will do
      case LOCAL_ONE:
      case LOCAL_QUORUM:
      case LOCAL_SERIAL:
        check(level, blockFor(level, counts), counts.localAlive());
        return;
      case EACH_QUORUM:
        if (!counts.networkTopology()) {
          break; // 5.0 falls through to QUORUM's check for SimpleStrategy
        }
        Map<String, Integer> sorted = new TreeMap<>(counts.replicas());
        for (Map.Entry<String, Integer> dc : sorted.entrySet()) {
          checkEachQuorum(level, quorum(dc.getValue()), counts.alive().getOrDefault(dc.getKey(), 0));
        }
        return;
      default:
        break;
    }
    check(level, blockFor(level, counts), counts.totalAlive());
  }

  /**
   * EACH_QUORUM's check of one datacenter. Cassandra 5.0 reports 0 alive replicas whatever the
   * datacenter has: its {@code ReplicaPlans.assureSufficientLiveReplicas} passes the datacenter's live
   * count where {@code UnavailableException.create} expects the full replicas required, and 0 where
   * it expects the live count. Clients see that, so Ringlet reports the same.
   */
  private static void checkEachQuorum(ConsistencyLevel level, int required, int alive) {
    if (alive < required) {
      throw new UnavailableException(level, required, 0);
    }
  }

  private static void check(ConsistencyLevel level, int required, int alive) {
    if (alive < required) {
      throw new UnavailableException(level, required, alive);
    }
  }

  /** The checks Cassandra makes of the level itself before looking at replicas. */
  public static void validateForRead(ConsistencyLevel level) {
    if (level == ConsistencyLevel.ANY) {
      throw CqlException.invalid("ANY ConsistencyLevel is only supported for writes");
    }
  }

  /** Cassandra's checks of a write to a counter table, made before {@link #validateForWrite}. */
  public static void validateCounterForWrite(ConsistencyLevel level, String table) {
    if (level == ConsistencyLevel.ANY) {
      throw CqlException.invalid("Consistency level ANY is not yet supported for counter table " + table);
    }
    if (level != null && level.isSerial()) {
      throw CqlException.invalid("Counter operations are inherently non-serializable");
    }
  }

  /**
   * 5.0's {@code validateForCasCommit} check of EACH_QUORUM as a conditional update's commit level:
   * the keyspace must use NetworkTopologyStrategy.
   *
   * @param networkTopology whether the keyspace uses NetworkTopologyStrategy
   * @param strategyClass the keyspace's replication class, as 5.0 names it in the message
   */
  public static void validateForCasCommit(ConsistencyLevel level, boolean networkTopology, String strategyClass) {
    if (level == ConsistencyLevel.EACH_QUORUM && !networkTopology) {
      throw CqlException.invalid("consistency level EACH_QUORUM not compatible with replication strategy (" + strategyClass + ")");
    }
  }

  public static void validateForWrite(ConsistencyLevel level, boolean conditional) {
    if (!conditional && level.isSerial()) {
      throw CqlException.invalid("You must use conditional updates for serializable writes");
    }
    if (conditional && level == ConsistencyLevel.SERIAL) {
      throw CqlException.invalid("SERIAL is not supported as conditional update commit consistency. Use ANY if you mean"
          + " \"make sure it is accepted but I don't care how many replicas commit it for non-SERIAL reads\"");
    }
    if (conditional && level == ConsistencyLevel.LOCAL_SERIAL) {
      throw CqlException.invalid("LOCAL_SERIAL is not supported as conditional update commit consistency. Use ANY if you mean"
          + " \"make sure it is accepted but I don't care how many replicas commit it for non-SERIAL reads\"");
    }
  }
}
