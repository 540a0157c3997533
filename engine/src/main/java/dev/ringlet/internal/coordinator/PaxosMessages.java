package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.UUID;

/** Payloads of the Paxos verbs. */
final class PaxosMessages {

  private PaxosMessages() {}

  record Prepare(UUID tableId, DecoratedKey key, Ballot ballot) {}

  /**
   * @param promised whether the replica promised the ballot
   * @param highest the highest ballot it has promised (for a rejected proposer to outbid)
   * @param accepted the proposal it accepted and has not seen committed (null: none)
   * @param committed the most recent commit it has seen (null: none)
   */
  record Promise(boolean promised, Ballot highest, Proposal accepted, Proposal committed) {}

  record Proposal(Ballot ballot, PartitionUpdate update) {}

  record Propose(UUID tableId, DecoratedKey key, Proposal proposal) {}

  record Accepted(boolean accepted, Ballot highest) {}

  record Commit(UUID tableId, DecoratedKey key, Proposal proposal) {}
}
