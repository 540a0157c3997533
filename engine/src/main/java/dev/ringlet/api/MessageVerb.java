package dev.ringlet.api;

/** The kinds of message nodes exchange, for {@link MessageRule}s. */
public enum MessageVerb {
  /** A write sent to a replica. */
  MUTATION,
  /** A data or digest read of one partition. */
  READ,
  /** A read of a token range (a query over several partitions). */
  RANGE_READ,
  /** A hinted write replayed to a replica that came back. */
  HINT,
  /** A batch written to another node's batchlog. */
  BATCH_STORE,
  /** A batchlog entry removed once its batch is applied. */
  BATCH_REMOVE,
  /** Paxos prepare (LWT). */
  PAXOS_PREPARE,
  /** Paxos propose (LWT). */
  PAXOS_PROPOSE,
  /** Paxos commit (LWT). */
  PAXOS_COMMIT,
  /** TRUNCATE on a replica. */
  TRUNCATE,
  /** ALTER TABLE DROP on a replica. */
  DROP_COLUMN,
  /** A schema change pushed to a node. */
  SCHEMA_PUSH,
  /** A node asking another for its schema. */
  SCHEMA_PULL,
  /** A failure-detector heartbeat. */
  GOSSIP,
  /** A node announcing a graceful shutdown. */
  SHUTDOWN,
  /** Counter increments sent by a coordinator to the replica that leads them (the leader then sends MUTATIONs). */
  COUNTER_MUTATION,
  /** Streaming of token ranges to a node that gains them (bootstrap, decommission, removenode). */
  STREAM,
  /** Repair: a replica's digests of the partitions in some token ranges. */
  REPAIR_VALIDATE
}
