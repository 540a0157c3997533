package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.CasWriteTimeoutException;
import dev.ringlet.internal.cluster.CasWriteUnknownException;
import dev.ringlet.internal.cluster.ConsistencyArithmetic;
import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.PaxosParticipants;
import dev.ringlet.internal.cluster.ReadTimeoutException;
import dev.ringlet.internal.cluster.ReplicaCounts;
import dev.ringlet.internal.cluster.WriteTimeoutException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.ConditionalWrites;
import dev.ringlet.internal.exec.PaxosTraces;
import dev.ringlet.internal.exec.Result;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.PartitionUpdates;
import dev.ringlet.internal.trace.Tracer;
import java.util.ArrayList;
import java.util.HashMap;
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
    return cas(table, key, serial, commit, commit, step);
  }

  /**
   * One conditional operation: rounds until one proposes its update (or finds nothing to propose).
   *
   * @param replayCommit the level at which a proposal left in progress by another coordinator is
   *     committed before this operation goes on (Cassandra: the request's commit level for a
   *     conditional write, QUORUM/LOCAL_QUORUM for a serial read)
   */
  private Result cas(TableMetadata table, DecoratedKey key, ConsistencyLevel serial, ConsistencyLevel commit,
      ConsistencyLevel replayCommit, Step step) {
    KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
    boolean localSerial = serial == ConsistencyLevel.LOCAL_SERIAL;
    // Natural and pending replicas take part (Cassandra's ReplicaPlans.forPaxos): see Paxos.md.
    PaxosParticipants plan = PaxosParticipants.plan(serial, c.self.datacenter(), c.replicas(ks, key.token()),
        c.pendingReplicas(ks, key.token()), e -> c.alive.test(e.hostId()));
    List<Endpoint> participants = c.byProximity(plan.live());
    int required = plan.required();
    Ballot highestSeen = Ballot.NONE;
    // Rounds lost to other proposers, counted as 5.0's Paxos v1 does for CasWriteTimeoutException:
    // 'preparing' for the current prepare phase (its beginAndRepairPaxos: refused prepares,
    // replayed proposals not accepted), 'contentions' for the whole operation (its doPaxos: each
    // finished prepare phase's count, refused proposals). A timeout in the prepare phase reports the
    // phase's count only, as 5.0 does.
    int contentions = 0;
    int preparing = 0;
    boolean lostInPrepare = false;
    Tracer t = traced();
    boolean serialRead = step instanceof RawStep;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Ballot ballot = nextBallot(highestSeen);
      if (t != null) {
        PaxosTraces.preparing(t, ballot.uuid());
      }
      Map<Endpoint, PaxosMessages.Promise> promises = exchange(participants, Verb.PAXOS_PREPARE,
          new PaxosMessages.Prepare(table.id(), key, ballot), e -> local.prepare(new PaxosMessages.Prepare(table.id(), key, ballot)),
          required);
      if (promises.size() < required) {
        throw new CasWriteTimeoutException(serial, promises.size(), required, WriteType.CAS, preparing);
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
      // One refusal among the answers ends the phase, as 5.0's PrepareCallback counts them.
      if (promised < required || promised < promises.size()) {
        if (t != null) {
          PaxosTraces.preempted(t);
        }
        preparing++;
        lostInPrepare = true;
        continue; // pre-empted by a higher ballot: try again above it
      }
      // An empty proposal (a serial read's, or a conditional write's whose condition failed) is
      // neither replayed nor committed, as 5.0: once a quorum accepted it, nothing older can be.
      if (inProgress != null && !isEmpty(inProgress.update())
          && (mostRecentCommit == null || inProgress.ballot().isAfter(mostRecentCommit.ballot()))) {
        // Finish the proposal a previous coordinator left half done, under our ballot, then start over.
        if (t != null) {
          PaxosTraces.finishing(t, table, inProgress.ballot().uuid(), inProgress.update());
        }
        PaxosMessages.Proposal redo = new PaxosMessages.Proposal(ballot, inProgress.update());
        Acceptance replayed = propose(participants, table, key, redo, required, true);
        replayed.throwIfTimedOut(serial, participants.size(), preparing);
        if (replayed.accepted() >= required) {
          try {
            commit(ks, table, key, redo, replayCommit);
          } catch (WriteTimeoutException e) {
            throw CasWriteTimeoutException.of(e, WriteType.CAS, preparing); // 5.0 reports a replay's commit as CAS
          }
        } else {
          if (t != null) {
            PaxosTraces.preempted(t);
          }
          preparing++;
        }
        lostInPrepare = true;
        continue;
      }
      if (mostRecentCommit != null && repairCommits(promises, table, key, mostRecentCommit)) {
        continue; // 5.0 starts a new round once it sent the missed commit
      }
      contentions += preparing;
      preparing = 0;
      lostInPrepare = false;
      if (t != null && !serialRead) {
        PaxosTraces.readingExisting(t);
      }
      ConsistencyLevel readLevel = localSerial ? ConsistencyLevel.LOCAL_QUORUM : ConsistencyLevel.QUORUM;
      // A serial read proposes without reading; it reads once its round is over, as 5.0's.
      PartitionUpdate raw = serialRead ? null : reads.read(ks, table, casCommand(table, key, step), readLevel, null);
      MemoryTableStore view = new MemoryTableStore(TableComparators.clustering(table));
      if (raw != null) {
        view.apply(raw);
      }
      dev.ringlet.internal.storage.LivePartition current = view.read(key, c.time.clock().nowInSeconds());
      Outcome outcome = step.decide(current, ballot.micros());
      if (t != null && !serialRead && outcome.updates().isEmpty()) {
        PaxosTraces.notMatching(t, table, casRead(table, step), key, current);
      }
      if (t != null) {
        PaxosTraces.proposing(t, ballot.uuid());
      }
      // Nothing to write (the condition failed, or a serial read) still proposes an empty update,
      // as 5.0's Paxos v1 does by default (paxos_variant v1 is linearizable): its acceptance by a
      // quorum proves no other proposal was chosen in between.
      PartitionUpdate update = outcome.updates().isEmpty()
          ? empty(key) : PartitionUpdates.mergeByPartition(outcome.updates()).get(0);
      PaxosMessages.Proposal proposal = new PaxosMessages.Proposal(ballot, update);
      Acceptance acceptance = propose(participants, table, key, proposal, required, false);
      acceptance.throwIfTimedOut(serial, participants.size(), contentions);
      if (acceptance.accepted() == 0) {
        if (t != null) {
          PaxosTraces.notAccepted(t);
        }
        contentions++;
        continue; // nobody took it: safe to retry
      }
      if (acceptance.accepted() < required) {
        // Some accepted, every participant answered: a later round may still finish it (5.0's
        // CasWriteUnknownResultException; a WriteTimeout CAS below protocol v5).
        throw new CasWriteUnknownException(serial, acceptance.accepted(), required);
      }
      if (!outcome.updates().isEmpty()) {
        try {
          commit(ks, table, key, proposal, commit);
        } catch (WriteTimeoutException e) {
          throw CasWriteTimeoutException.of(e, e.writeType(), contentions); // SIMPLE, at the commit level, as 5.0
        }
      }
      if (t != null) {
        PaxosTraces.outcome(t, serialRead || !outcome.updates().isEmpty());
      }
      if (step instanceof RawStep r) {
        r.raw(reads.read(ks, table, key, readLevel));
      }
      return outcome.result();
    }
    ReplicaCounts counts = c.counts(ks, c.live(c.replicas(ks, key.token())));
    throw new CasWriteTimeoutException(serial, 0, ConsistencyArithmetic.blockFor(serial, counts), WriteType.CAS,
        lostInPrepare ? preparing : contentions);
  }

  /** The tracer of the traced request this thread serves, or null. */
  private Tracer traced() {
    Tracer t = c.messaging.tracer();
    return t != null && t.current() != null ? t : null;
  }

  /** What the conditional write's read fetches, as its step tells (all columns of the partition when it does not). */
  private static PaxosTraces.CasRead casRead(TableMetadata table, Step step) {
    return step.casRead() != null ? step.casRead() : PaxosTraces.CasRead.of(table, List.of(), true, true, List.of());
  }

  /**
   * The read of the current values as 5.0 sends it to the replicas: a names query of the rows the
   * conditions name (its replicas' names-query events and counts), else the partition's slice. The
   * replicas answer with the whole partition either way (the conditions see only what they name).
   */
  private static Payloads.Read casCommand(TableMetadata table, DecoratedKey key, Step step) {
    PaxosTraces.CasRead read = step.casRead();
    if (read == null || !read.namesQuery()) {
      return new Payloads.Read(table.id(), key, false);
    }
    List<dev.ringlet.internal.storage.Clustering> names = new ArrayList<>(read.names());
    names.sort(TableComparators.clustering(table)::compare);
    return new Payloads.Read(table.id(), key, false, dev.ringlet.internal.storage.ClusteringComparator.Bound.BOTTOM,
        dev.ringlet.internal.storage.ClusteringComparator.Bound.TOP, false, Integer.MAX_VALUE, names, null);
  }

  /** An update that changes nothing: what a round proposes when it has nothing to write. */
  private static PartitionUpdate empty(DecoratedKey key) {
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of());
  }

  private static boolean isEmpty(PartitionUpdate u) {
    return u.partitionDeletion().isLive() && u.rangeTombstones().isEmpty() && u.staticRow() == null && u.rows().isEmpty();
  }

  /**
   * A SERIAL/LOCAL_SERIAL read of one partition: a Paxos round that finishes any in-progress
   * proposal and brings the promise quorum up to the latest commit before reading at QUORUM /
   * LOCAL_QUORUM, then proposes an empty update (committing nothing), as 5.0's linearizable
   * {@code paxos_variant: v1}. A timed-out round is a {@code ReadTimeout}; an empty proposal accepted
   * by some participants but not enough is {@link CasWriteUnknownException}, as 5.0 lets it through.
   */
  public PartitionUpdate serialRead(TableMetadata table, DecoratedKey key, ConsistencyLevel serial) {
    PartitionUpdate[] read = new PartitionUpdate[1];
    ConsistencyLevel replay = serial == ConsistencyLevel.LOCAL_SERIAL ? ConsistencyLevel.LOCAL_QUORUM : ConsistencyLevel.QUORUM;
    try {
      serialRound(table, key, serial, replay, read);
    } catch (WriteTimeoutException e) {
      // As 5.0's legacyReadWithPaxos: a timed-out round is a read timeout, 0 of the serial level's block-for.
      KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
      ReplicaCounts counts = c.counts(ks, c.live(c.replicas(ks, key.token())));
      throw new ReadTimeoutException(serial, 0, ConsistencyArithmetic.blockFor(serial, counts), false);
    }
    return read[0];
  }

  private void serialRound(TableMetadata table, DecoratedKey key, ConsistencyLevel serial, ConsistencyLevel replay,
      PartitionUpdate[] read) {
    cas(table, key, serial, ConsistencyLevel.ANY, replay, new RawStep() {
      @Override
      public Outcome decide(dev.ringlet.internal.storage.LivePartition current, long timestamp) {
        return new Outcome(List.of(), null);
      }

      @Override
      public void raw(PartitionUpdate partition) {
        read[0] = partition;
      }
    });
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

  /**
   * What a propose phase reached: how many participants answered and accepted, and whether the
   * phase ended without knowing its outcome (neither enough acceptances nor every answer before the
   * write timeout).
   */
  private record Acceptance(int answered, int accepted, boolean timedOut) {

    /** Cassandra's propose timeout: WriteTimeout CAS with the answers out of every participant contacted. */
    void throwIfTimedOut(ConsistencyLevel serial, int contacted, int contentions) {
      if (timedOut) {
        throw new CasWriteTimeoutException(serial, answered, contacted, WriteType.CAS, contentions);
      }
    }
  }

  /**
   * Sends the proposal to every participant and waits until {@code required} accepted, or every
   * participant answered, or (with {@code failFast}, for replaying another coordinator's proposal)
   * enough refused that {@code required} can no longer be reached, or the write timeout passed.
   */
  private Acceptance propose(List<Endpoint> participants, TableMetadata table, DecoratedKey key, PaxosMessages.Proposal proposal,
      int required, boolean failFast) {
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
    int contacted = participants.size();
    boolean done = c.time.awaitUntil(() -> {
      int accepted = accepted(answers);
      return accepted >= required || answers.size() >= contacted
          || (failFast && accepted + (contacted - answers.size()) < required);
    }, c.deadline(c.timeouts.write()));
    return new Acceptance(answers.size(), accepted(answers), !done);
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

  /**
   * Commits a proposal as Cassandra's Paxos v1 does: to every natural and pending replica (hints for
   * those down), waiting for {@code level} plus one acknowledgement per pending replica (the write's
   * {@code blockForWrite}); Unavailable first when too few are alive for that, none of it for ANY.
   */
  private void commit(KeyspaceMetadata ks, TableMetadata table, DecoratedKey key, PaxosMessages.Proposal proposal,
      ConsistencyLevel level) {
    List<Endpoint> targets = new ArrayList<>(c.replicas(ks, key.token()));
    Map<String, Integer> pending = new HashMap<>();
    for (Endpoint e : c.pendingReplicas(ks, key.token())) {
      if (!targets.contains(e)) {
        targets.add(e);
        pending.merge(e.datacenter(), 1, Integer::sum);
      }
    }
    List<Endpoint> live = c.live(targets);
    ReplicaCounts counts = c.counts(ks, live);
    ConsistencyArithmetic.assureSufficientLiveReplicasForWrite(level, counts, pending);
    PaxosMessages.Commit message = new PaxosMessages.Commit(table.id(), key, proposal);
    WriteTracker tracker = new WriteTracker(level, counts, pending);
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
    for (Endpoint e : targets) {
      if (!live.contains(e)) {
        c.hint(e.hostId(), new Payloads.Mutation(table.id(), proposal.update()));
      }
    }
    if (level != ConsistencyLevel.ANY && !c.time.awaitUntil(tracker::satisfied, c.deadline(c.timeouts.write()))) {
      throw new WriteTimeoutException(level, tracker.received(), tracker.blockFor(), WriteType.SIMPLE);
    }
  }

  /**
   * Sends the most recent commit to the replicas of the promise quorum that missed it, without
   * waiting, as 5.0's {@code sendCommit}; whether any had missed it: the operation then starts a
   * new round, which reaches each of them after the commit (one connection keeps their order).
   * While a replica stays behind, every round repairs it again until the rounds run out, as 5.0
   * does until its contention timeout.
   */
  private boolean repairCommits(Map<Endpoint, PaxosMessages.Promise> promises, TableMetadata table, DecoratedKey key,
      PaxosMessages.Proposal mostRecent) {
    List<Endpoint> behind = new ArrayList<>();
    for (Map.Entry<Endpoint, PaxosMessages.Promise> p : promises.entrySet()) {
      PaxosMessages.Proposal seen = p.getValue().committed();
      if (seen == null || mostRecent.ballot().isAfter(seen.ballot())) {
        behind.add(p.getKey());
      }
    }
    if (behind.isEmpty()) {
      return false;
    }
    PaxosMessages.Commit message = new PaxosMessages.Commit(table.id(), key, mostRecent);
    Tracer t = traced();
    if (t != null) {
      PaxosTraces.repairingCommits(t);
    }
    for (Endpoint e : behind) {
      if (e.equals(c.self)) {
        local.commit(message);
      } else {
        c.messaging.sendUnawaited(e.hostId(), Verb.PAXOS_COMMIT, message);
      }
    }
    return true;
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
