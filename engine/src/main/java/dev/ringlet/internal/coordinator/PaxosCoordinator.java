package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.cluster.WriteTimeoutException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.ConditionalWrites;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.PartitionUpdates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/** LWT across replicas: Paxos as {@code Paxos.md} describes (prepare, finish in-progress, read, propose, commit). */
public final class PaxosCoordinator implements ConditionalWrites {

  /** Rounds lost to other proposers before giving up, as {@code cas_contention_timeout} would. */
  private static final int MAX_ROUNDS = 100;

  private final Coordinator c;
  private final ReadCoordinator reads;
  private final PaxosReplica local;
  private final Supplier<Schema> schema;
  private final AtomicLong lastBallot = new AtomicLong(Long.MIN_VALUE);

  private final java.util.function.LongSupplier timestamps;

  /** @param timestamps the node's write timestamps: a ballot is above every timestamp given before it */
  public PaxosCoordinator(Coordinator coordinator, PaxosReplica local, Supplier<Schema> schema,
      java.util.function.LongSupplier timestamps) {
    this.timestamps = timestamps;
    this.c = coordinator;
    this.reads = new ReadCoordinator(coordinator);
    this.local = local;
    this.schema = schema;
  }

  @Override
  public Result cas(TableMetadata table, DecoratedKey key, ConsistencyLevel serial, ConsistencyLevel commit, Step step) {
    KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
    boolean localSerial = serial == ConsistencyLevel.LOCAL_SERIAL;
    List<Endpoint> replicas = c.replicas(ks, key.token());
    List<Endpoint> participants = new ArrayList<>();
    for (Endpoint e : c.byProximity(c.live(replicas))) {
      if (!localSerial || e.datacenter().equals(c.self.datacenter())) {
        participants.add(e);
      }
    }
    ReplicaCounts counts = c.counts(ks, c.live(replicas));
    ConsistencyArithmetic.assureSufficientLiveReplicas(serial, counts);
    int blockFor = ConsistencyArithmetic.blockFor(serial, counts);
    Ballot highestSeen = Ballot.NONE;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Ballot ballot = nextBallot(highestSeen);
      Map<Endpoint, PaxosMessages.Promise> promises = exchange(participants, Verb.PAXOS_PREPARE,
          new PaxosMessages.Prepare(table.id(), key, ballot), e -> local.prepare(new PaxosMessages.Prepare(table.id(), key, ballot)),
          blockFor);
      if (promises.size() < blockFor) {
        throw new WriteTimeoutException(serial, promises.size(), blockFor, WriteType.CAS);
      }
      int promised = 0;
      PaxosMessages.Proposal mostRecentCommit = null;
      PaxosMessages.Proposal inProgress = null;
      for (PaxosMessages.Promise p : promises.values()) {
        if (p.highest().isAfter(highestSeen)) {
          highestSeen = p.highest();
        }
        if (!p.promised()) {
          continue;
        }
        promised++;
        if (p.committed() != null && (mostRecentCommit == null || p.committed().ballot().isAfter(mostRecentCommit.ballot()))) {
          mostRecentCommit = p.committed();
        }
        if (p.accepted() != null && (inProgress == null || p.accepted().ballot().isAfter(inProgress.ballot()))) {
          inProgress = p.accepted();
        }
      }
      if (promised < blockFor) {
        continue; // pre-empted by a higher ballot: try again above it
      }
      if (inProgress != null && (mostRecentCommit == null || inProgress.ballot().isAfter(mostRecentCommit.ballot()))) {
        // Finish the proposal a previous coordinator left half done, under our ballot, then start over.
        PaxosMessages.Proposal redo = new PaxosMessages.Proposal(ballot, inProgress.update());
        if (propose(participants, table, key, redo, blockFor, serial) >= blockFor) {
          commit(replicas, table, key, redo, ConsistencyLevel.QUORUM, counts);
        }
        continue;
      }
      if (mostRecentCommit != null) {
        repairCommits(promises, table, key, mostRecentCommit);
      }
      PartitionUpdate raw = reads.read(ks, table, key, localSerial ? ConsistencyLevel.LOCAL_QUORUM : ConsistencyLevel.QUORUM);
      if (step instanceof RawStep r) {
        r.raw(raw);
      }
      MemoryTableStore view = new MemoryTableStore(TableComparators.clustering(table));
      if (raw != null) {
        view.apply(raw);
      }
      Outcome outcome = step.decide(view.read(key, c.time.clock().nowInSeconds()), ballot.micros());
      if (outcome.updates().isEmpty()) {
        return outcome.result();
      }
      List<PartitionUpdate> merged = PartitionUpdates.mergeByPartition(outcome.updates());
      PaxosMessages.Proposal proposal = new PaxosMessages.Proposal(ballot, merged.get(0));
      int accepted = propose(participants, table, key, proposal, blockFor, serial);
      if (accepted == 0) {
        continue; // nobody took it: safe to retry
      }
      if (accepted < blockFor) {
        // Some replicas accepted: a later round may still commit it, so the outcome is unknown.
        throw new WriteTimeoutException(serial, accepted, blockFor, WriteType.CAS);
      }
      commit(replicas, table, key, proposal, commit, counts);
      return outcome.result();
    }
    throw new WriteTimeoutException(serial, 0, blockFor, WriteType.CAS);
  }

  /**
   * A SERIAL/LOCAL_SERIAL read of one partition: a Paxos round that finishes any in-progress
   * proposal and brings the promise quorum up to the latest commit before reading at QUORUM /
   * LOCAL_QUORUM, proposing nothing itself.
   */
  public PartitionUpdate serialRead(TableMetadata table, DecoratedKey key, ConsistencyLevel serial) {
    PartitionUpdate[] read = new PartitionUpdate[1];
    cas(table, key, serial, ConsistencyLevel.QUORUM, new RawStep() {
      @Override
      public Outcome decide(dev.ringlet.internal.storage.LivePartition current, long timestamp) {
        return new Outcome(List.of(), null);
      }

      @Override
      public void raw(PartitionUpdate partition) {
        read[0] = partition;
      }
    });
    return read[0];
  }

  /** A step that also wants the partition as stored (for serial reads). */
  private interface RawStep extends Step {
    void raw(PartitionUpdate partition);
  }

  private Ballot nextBallot(Ballot seen) {
    long now = timestamps.getAsLong();
    long micros = lastBallot.updateAndGet(last -> Math.max(Math.max(now, last + 1), seen.micros() + 1));
    return new Ballot(micros, c.self.hostId());
  }

  /** Number of replicas that accepted. */
  private int propose(List<Endpoint> participants, TableMetadata table, DecoratedKey key, PaxosMessages.Proposal proposal,
      int blockFor, ConsistencyLevel serial) {
    PaxosMessages.Propose message = new PaxosMessages.Propose(table.id(), key, proposal);
    Map<Endpoint, PaxosMessages.Accepted> answers = new ConcurrentHashMap<>();
    for (Endpoint e : participants) {
      if (e.equals(c.self)) {
        answers.put(e, local.propose(message));
      } else {
        c.messaging.request(e.hostId(), Verb.PAXOS_PROPOSE, message, a -> {
          if (!a.failure()) {
            answers.put(e, (PaxosMessages.Accepted) a.payload());
          }
        });
      }
    }
    // Done once a quorum accepted, or everyone answered, or the write timeout passed.
    c.time.awaitUntil(() -> accepted(answers) >= blockFor || answers.size() >= participants.size(), c.deadline(c.timeouts.write()));
    return accepted(answers);
  }

  private static int accepted(Map<Endpoint, PaxosMessages.Accepted> answers) {
    int accepted = 0;
    for (PaxosMessages.Accepted a : answers.values()) {
      if (a.accepted()) {
        accepted++;
      }
    }
    return accepted;
  }

  private void commit(List<Endpoint> replicas, TableMetadata table, DecoratedKey key, PaxosMessages.Proposal proposal,
      ConsistencyLevel level, ReplicaCounts counts) {
    PaxosMessages.Commit message = new PaxosMessages.Commit(table.id(), key, proposal);
    List<Endpoint> live = c.live(replicas);
    WriteTracker tracker = new WriteTracker(level, counts);
    for (Endpoint e : live) {
      if (e.equals(c.self)) {
        local.commit(message);
        tracker.ack(e.datacenter());
      } else {
        c.messaging.request(e.hostId(), Verb.PAXOS_COMMIT, message, a -> {
          if (!a.failure()) {
            tracker.ack(e.datacenter());
          }
        });
      }
    }
    for (Endpoint e : replicas) {
      if (!live.contains(e)) {
        c.hint(e.hostId(), new Payloads.Mutation(table.id(), proposal.update()));
      }
    }
    sendToPendingReplicas(table, key, proposal);
    if (level != ConsistencyLevel.ANY && !c.time.awaitUntil(tracker::satisfied, c.deadline(c.timeouts.write()))) {
      throw new WriteTimeoutException(level, tracker.received(), tracker.blockFor(), WriteType.SIMPLE);
    }
  }

  /**
   * While a membership change is under way, the nodes gaining the key's range get the committed
   * update as a plain write (not awaited: the Paxos quorum stays the natural replicas'), so data the
   * stream no longer carries is not lost to them.
   */
  private void sendToPendingReplicas(TableMetadata table, DecoratedKey key, PaxosMessages.Proposal proposal) {
    dev.ringlet.internal.schema.KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
    if (ks == null) {
      return;
    }
    for (Endpoint e : c.pendingReplicas(ks, key.token())) {
      if (!e.equals(c.self)) {
        c.messaging.tell(e.hostId(), Verb.MUTATION, new Payloads.Mutation(table.id(), proposal.update()));
      }
    }
  }

  /** Replicas of the promise quorum that missed the most recent commit get it before the read. */
  private void repairCommits(Map<Endpoint, PaxosMessages.Promise> promises, TableMetadata table, DecoratedKey key,
      PaxosMessages.Proposal mostRecent) {
    List<Endpoint> behind = new ArrayList<>();
    for (Map.Entry<Endpoint, PaxosMessages.Promise> p : promises.entrySet()) {
      PaxosMessages.Proposal seen = p.getValue().committed();
      if (seen == null || mostRecent.ballot().isAfter(seen.ballot())) {
        behind.add(p.getKey());
      }
    }
    PaxosMessages.Commit message = new PaxosMessages.Commit(table.id(), key, mostRecent);
    exchange(behind, Verb.PAXOS_COMMIT, message, e -> local.commit(message), behind.size());
  }

  /** Sends to every target (the local one by a call) and waits for {@code needed} answers or the write timeout. */
  @SuppressWarnings("unchecked")
  private <T> Map<Endpoint, T> exchange(List<Endpoint> targets, Verb verb, Object payload, Function<Endpoint, T> localCall,
      int needed) {
    Map<Endpoint, T> answers = new ConcurrentHashMap<>();
    long deadline = c.deadline(c.timeouts.write());
    for (Endpoint e : targets) {
      if (e.equals(c.self)) {
        answers.put(e, localCall.apply(e));
      } else {
        c.messaging.request(e.hostId(), verb, payload, a -> {
          if (!a.failure()) {
            answers.put(e, (T) a.payload());
          }
        });
      }
    }
    int wanted = Math.min(needed, targets.size());
    c.time.awaitUntil(() -> answers.size() >= wanted, deadline);
    return new java.util.HashMap<>(answers);
  }
}
