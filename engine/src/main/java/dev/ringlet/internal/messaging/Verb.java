package dev.ringlet.internal.messaging;

/** What a message asks for. A response carries the verb of the request it answers. */
public enum Verb {
  /** Apply a partition update on a replica. */
  MUTATION,
  /** Return a partition as stored (or its digest). */
  READ,
  /** Return a token range of a table as stored. */
  RANGE_READ,
  /** A hinted mutation being replayed to its replica. */
  HINT,
  /** A batch stored in another node's batchlog before the batch is applied. */
  BATCH_STORE,
  /** Forget a stored batch: it has been applied. */
  BATCH_REMOVE,
  /** Paxos phase 1: promise not to accept older ballots, and say what was accepted and committed. */
  PAXOS_PREPARE,
  /** Paxos phase 2: accept a proposal. */
  PAXOS_PROPOSE,
  /** Paxos: apply an accepted proposal. */
  PAXOS_COMMIT,
  /** Empty a table. */
  TRUNCATE,
  /** Forget a dropped column's cells. */
  DROP_COLUMN,
  /** A new schema snapshot. */
  SCHEMA_PUSH,
  /** Ask for the current schema snapshot. */
  SCHEMA_PULL,
  /** A heartbeat: the sender is alive, with its generation and schema version. */
  GOSSIP,
  /** The sender is shutting down gracefully. */
  SHUTDOWN,
  /**
   * Membership over TCP: the members the sender knows (a list of {@code MemberInfo}); the answer is
   * the members the recipient knows.
   */
  JOIN,
  /** Counter increments sent to the replica that leads them (applies them to its shard, then replicates). */
  COUNTER_MUTATION,
  /**
   * Over TCP: the fault rules and partition every process of the cluster applies to what it sends
   * ({@code Faults.State}); never itself subject to them. Answered with {@code true}.
   */
  FAULTS,
  /** Streaming: return every partition of a table within some token ranges, as stored (bootstrap, decommission, removenode). */
  STREAM,
  /** Repair validation: the digest of every partition of a table within some token ranges. */
  REPAIR_VALIDATE,
  /** Over TCP: one step of a membership change ({@code RingChange}); answered with {@code true} (or a count for a fetch). */
  RING_CHANGE,
  /** Over TCP: an operator's command ({@code AdminCommand}, e.g. from {@code ringlet.jar nodetool}); answered with text. */
  ADMIN
}
