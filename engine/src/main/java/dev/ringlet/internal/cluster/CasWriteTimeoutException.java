package dev.ringlet.internal.cluster;

/**
 * A lightweight transaction that did not finish in time: Cassandra 5.0's
 * {@code CasWriteTimeoutException}, which its Paxos v1 coordinator throws for every timeout of a
 * conditional write (prepare, propose, commit, or rounds lost to other proposers until the
 * contention timeout). It carries the number of rounds lost to contention; protocol v5 sends that
 * number as the {@code [short] contentions} after the write type, and every version words the
 * message with it.
 *
 * <p>The write type is {@code CAS}, except for a commit of the operation's own proposal that timed
 * out, which keeps {@code SIMPLE} as 5.0 does (with its commit consistency level and counts).
 */
public final class CasWriteTimeoutException extends WriteTimeoutException {

  private final int contentions;

  /**
   * @param contentions the Paxos rounds this operation lost to other proposers (refused prepares
   *     and proposals) before it timed out, as 5.0 counts them
   */
  public CasWriteTimeoutException(ConsistencyLevel consistency, int received, int blockFor, WriteType writeType,
      int contentions) {
    super(consistency, received, blockFor, writeType, "CAS operation timed out: received " + received + " of "
        + blockFor + " required responses after " + contentions + " contention retries");
    this.contentions = contentions;
  }

  /** The same timeout with the contention count the caller knows (5.0 re-creates it with its own count). */
  public static CasWriteTimeoutException of(WriteTimeoutException e, WriteType writeType, int contentions) {
    return new CasWriteTimeoutException(e.consistency(), e.received(), e.blockFor(), writeType, contentions);
  }

  public int contentions() {
    return contentions;
  }
}
