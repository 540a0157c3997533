package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.exec.PaxosTraces;
import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.trace.Tracer;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A replica's Paxos state per partition (Cassandra's {@code system.paxos}): the highest promised
 * ballot, the accepted proposal, the most recent commit. See {@code Paxos.md}.
 */
public final class PaxosReplica {

  private final ReplicaService replica;
  private final Map<Key, State> states = new ConcurrentHashMap<>();
  /** The node's messaging, whose tracer records this replica's events of a traced request; null before {@link #register}. */
  private volatile MessagingEndpoint endpoint;

  private record Key(UUID tableId, DecoratedKey key) {}

  private static final class State {
    Ballot promised = Ballot.NONE;
    PaxosMessages.Proposal accepted;
    PaxosMessages.Proposal committed;
  }

  public PaxosReplica(ReplicaService replica) {
    this.replica = replica;
  }

  public void register(MessagingEndpoint endpoint) {
    this.endpoint = endpoint;
    endpoint.handle(Verb.PAXOS_PREPARE, m -> prepare((PaxosMessages.Prepare) m.payload()));
    endpoint.handle(Verb.PAXOS_PROPOSE, m -> propose((PaxosMessages.Propose) m.payload()));
    endpoint.handle(Verb.PAXOS_COMMIT, m -> commit((PaxosMessages.Commit) m.payload()));
  }

  private State state(UUID tableId, DecoratedKey key) {
    return states.computeIfAbsent(new Key(tableId, key), k -> new State());
  }

  /** The tracer of the traced request this thread serves, or null (untraced, or messaging not traced). */
  private Tracer traced() {
    MessagingEndpoint e = endpoint;
    Tracer t = e == null ? null : e.tracer();
    return t != null && t.current() != null ? t : null;
  }

  PaxosMessages.Promise prepare(PaxosMessages.Prepare p) {
    Key key = new Key(p.tableId(), p.key());
    boolean firstRead = !states.containsKey(key); // 5.0 reads a state from system.paxos once, then keeps it
    State s = states.computeIfAbsent(key, k -> new State());
    Tracer t = traced();
    if (t != null && firstRead) {
      PaxosTraces.stateRead(t);
    }
    synchronized (s) {
      if (p.ballot().isAfter(s.promised)) {
        s.promised = p.ballot();
        if (t != null) {
          PaxosTraces.promising(t, p.ballot().uuid(), false);
        }
        return new PaxosMessages.Promise(true, s.promised, s.accepted, s.committed);
      }
      TableMetadata table = t == null ? null : replica.table(p.tableId());
      if (table != null) {
        PaxosTraces.promiseRejected(t, table, p.ballot().uuid(), p.key(), s.promised.uuid());
      }
      return new PaxosMessages.Promise(false, s.promised, s.accepted, s.committed);
    }
  }

  PaxosMessages.Accepted propose(PaxosMessages.Propose p) {
    State s = state(p.tableId(), p.key());
    synchronized (s) {
      if (p.proposal().ballot().compareTo(s.promised) >= 0) {
        s.promised = p.proposal().ballot();
        s.accepted = p.proposal();
        Tracer t = traced();
        TableMetadata table = t == null ? null : replica.table(p.tableId());
        if (table != null) {
          PaxosTraces.accepting(t, table, p.proposal().ballot().uuid(), p.proposal().update());
        }
        return new PaxosMessages.Accepted(true, s.promised);
      }
      Tracer t = traced();
      TableMetadata table = t == null ? null : replica.table(p.tableId());
      if (table != null) {
        PaxosTraces.rejectingProposal(t, table, p.proposal().ballot().uuid(), p.proposal().update(), s.promised.uuid());
      }
      return new PaxosMessages.Accepted(false, s.promised);
    }
  }

  Payloads.Ack commit(PaxosMessages.Commit c) {
    State s = state(c.tableId(), c.key());
    synchronized (s) {
      Tracer t = traced();
      TableMetadata table = t == null ? null : replica.table(c.tableId());
      if (table != null) {
        PaxosTraces.committing(t, table, c.proposal().ballot().uuid(), c.proposal().update());
      }
      replica.apply(new Payloads.Mutation(c.tableId(), c.proposal().update()));
      if (table != null) {
        PaxosTraces.savedPaxosState(t);
      }
      if (s.committed == null || c.proposal().ballot().isAfter(s.committed.ballot())) {
        s.committed = c.proposal();
      }
      if (s.accepted != null && c.proposal().ballot().compareTo(s.accepted.ballot()) >= 0) {
        s.accepted = null;
      }
    }
    return Payloads.Ack.OK;
  }
}
