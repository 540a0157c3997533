package dev.ringlet.internal.exec;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.List;

/**
 * Runs a read-check-write on one partition atomically with respect to every other conditional write
 * of that partition: on one node under a lock, across replicas with Paxos.
 */
public interface ConditionalWrites {

  /** What a conditional write decided: the updates to commit (none when its condition failed) and its answer. */
  record Outcome(List<PartitionUpdate> updates, Result result) {
    public Outcome {
      updates = List.copyOf(updates);
    }
  }

  /** Decides from the partition as it is now; {@code timestamp} is the write timestamp to use (the ballot's, with Paxos). */
  @FunctionalInterface
  interface Step {
    Outcome decide(LivePartition current, long timestamp);

    /** What 5.0's read of the current values would fetch, for its trace events; null when not known. */
    default PaxosTraces.CasRead casRead() {
      return null;
    }

    /** {@code step} with the read it makes. */
    static Step reading(PaxosTraces.CasRead read, Step step) {
      return new Step() {
        @Override
        public Outcome decide(LivePartition current, long timestamp) {
          return step.decide(current, timestamp);
        }

        @Override
        public PaxosTraces.CasRead casRead() {
          return read;
        }
      };
    }
  }

  /**
   * @param serial SERIAL or LOCAL_SERIAL: who must agree
   * @param commit the level the decided updates are committed at
   */
  Result cas(TableMetadata table, DecoratedKey key, ConsistencyLevel serial, ConsistencyLevel commit, Step step);
}
