package dev.ringlet.internal.exec;

import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.trace.Tracer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a node alone records of 5.0's Paxos: it serialises conditional writes and serial reads
 * under a lock instead of running rounds, and traces the round 5.0 runs with itself as the only
 * replica ({@link PaxosTraces}). It remembers the partitions whose Paxos state 5.0 would hold in
 * memory (its recent states: read from {@code system.paxos} only on first use), for traced and
 * untraced requests alike, the most recent {@link #RECENT_STATES} of them.
 */
public final class LocalPaxos {

  /** How many partitions' states are remembered (5.0 bounds its cache by {@code paxos_cache_size}; a few hundred KB here). */
  static final int RECENT_STATES = 4_096;

  private record Key(UUID table, DecoratedKey key) {}

  private final Tracer tracer;
  private final UUID proposer;
  private final Map<Key, Boolean> recent = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
      return size() > RECENT_STATES;
    }
  };

  /** @param proposer the node whose ballots these are (its host id) */
  public LocalPaxos(Tracer tracer, UUID proposer) {
    this.tracer = tracer;
    this.proposer = proposer;
  }

  /** The node's tracer. */
  public Tracer tracer() {
    return tracer;
  }

  /** Whether the current thread serves a traced request. */
  public boolean traced() {
    return tracer.current() != null;
  }

  /** Notes a use of the partition's Paxos state; true when 5.0 would read it from {@code system.paxos} first. */
  public boolean firstUse(UUID table, DecoratedKey key) {
    synchronized (recent) {
      return recent.put(new Key(table, key), Boolean.TRUE) == null;
    }
  }

  /** A ballot at {@code micros}, as 5.0 prints it. */
  public UUID ballot(long micros) {
    return PaxosTraces.ballot(micros, proposer);
  }

  /**
   * A serial read's round before its read (5.0's {@code legacyReadWithPaxos}): prepare, promise,
   * an empty proposal accepted; noted, and traced when the request is.
   */
  public void serialRead(TableMetadata table, DecoratedKey key, long micros) {
    boolean first = firstUse(table.id(), key);
    if (!traced()) {
      return;
    }
    UUID ballot = ballot(micros);
    PaxosTraces.preparing(tracer, ballot);
    PaxosTraces.promising(tracer, ballot, first);
    PaxosTraces.proposing(tracer, ballot);
    PaxosTraces.accepting(tracer, table, ballot, empty(key));
    PaxosTraces.outcome(tracer, true);
  }

  /** An update that changes nothing: what 5.0 proposes when a condition failed, or for a serial read. */
  public static PartitionUpdate empty(DecoratedKey key) {
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of());
  }
}
