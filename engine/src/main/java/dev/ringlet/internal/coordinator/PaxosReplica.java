package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.messaging.MessagingEndpoint;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.storage.DecoratedKey;
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
    endpoint.handle(Verb.PAXOS_PREPARE, m -> prepare((PaxosMessages.Prepare) m.payload()));
    endpoint.handle(Verb.PAXOS_PROPOSE, m -> propose((PaxosMessages.Propose) m.payload()));
    endpoint.handle(Verb.PAXOS_COMMIT, m -> commit((PaxosMessages.Commit) m.payload()));
  }

  private State state(UUID tableId, DecoratedKey key) {
    return states.computeIfAbsent(new Key(tableId, key), k -> new State());
  }

  PaxosMessages.Promise prepare(PaxosMessages.Prepare p) {
    State s = state(p.tableId(), p.key());
    synchronized (s) {
      if (p.ballot().isAfter(s.promised)) {
        s.promised = p.ballot();
        return new PaxosMessages.Promise(true, s.promised, s.accepted, s.committed);
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
        return new PaxosMessages.Accepted(true, s.promised);
      }
      return new PaxosMessages.Accepted(false, s.promised);
    }
  }

  Payloads.Ack commit(PaxosMessages.Commit c) {
    State s = state(c.tableId(), c.key());
    synchronized (s) {
      replica.apply(new Payloads.Mutation(c.tableId(), c.proposal().update()));
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
