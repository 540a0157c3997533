package dev.ringlet.internal.storage;

/**
 * What a node does when its disk fails, as Cassandra's {@code commit_failure_policy} (a commit-log
 * write or sync fails) and {@code disk_failure_policy} (an SSTable write fails: flush, compaction).
 * Cassandra 5.0's default for both is {@link #STOP}.
 */
public enum FailurePolicy {
  /**
   * Stop the node's client transport and gossip (and messaging): clients see their connections
   * close, peers see the node DOWN; the process stays up and the data on disk is kept. The request
   * whose write failed gets no answer.
   */
  STOP,
  /** As {@link #STOP}, then the process exits (a standalone server exits with status 100). */
  DIE,
  /** Fail the one write with the I/O error and carry on (the failing request gets a server error). */
  IGNORE
}
