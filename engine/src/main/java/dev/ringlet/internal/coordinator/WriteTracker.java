package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.ReplicaCounts;
import java.util.HashMap;
import java.util.Map;

/** Counts a write's acknowledgements by datacenter and says when the consistency level is met. */
final class WriteTracker {

  private final ConsistencyLevel level;
  private final ReplicaCounts counts;
  private final int blockFor;
  private final Map<String, Integer> pending;
  private final Map<String, Integer> acks = new HashMap<>();
  private boolean hinted;

  WriteTracker(ConsistencyLevel level, ReplicaCounts counts) {
    this(level, counts, Map.of());
  }

  /** A write that must also reach {@code pending} replicas (per datacenter) of ranges being moved. */
  WriteTracker(ConsistencyLevel level, ReplicaCounts counts, Map<String, Integer> pending) {
    this.level = level;
    this.counts = counts;
    this.pending = Map.copyOf(pending);
    this.blockFor = ConsistencyArithmetic.blockForWrite(level, counts, pending);
  }

  int blockFor() {
    return blockFor;
  }

  synchronized void ack(String datacenter) {
    acks.merge(datacenter, 1, Integer::sum);
  }

  synchronized void hinted() {
    hinted = true;
  }

  /** Acknowledgements that count towards the level. */
  synchronized int received() {
    switch (level) {
      case LOCAL_ONE:
      case LOCAL_QUORUM:
      case LOCAL_SERIAL:
        return acks.getOrDefault(counts.localDatacenter(), 0);
      default:
        return acks.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  synchronized boolean satisfied() {
    switch (level) {
      case ANY:
        return hinted || received() >= 1;
      case EACH_QUORUM:
        if (!counts.networkTopology()) {
          return received() >= blockFor; // QUORUM over all replicas with SimpleStrategy, as 5.0's WriteResponseHandler
        }
        for (Map.Entry<String, Integer> dc : counts.replicas().entrySet()) {
          if (acks.getOrDefault(dc.getKey(), 0) < ConsistencyArithmetic.quorum(dc.getValue()) + pending.getOrDefault(dc.getKey(), 0)) {
            return false;
          }
        }
        return true;
      default:
        return received() >= blockFor;
    }
  }
}
