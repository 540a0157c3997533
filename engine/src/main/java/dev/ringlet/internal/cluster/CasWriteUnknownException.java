package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/**
 * A Paxos proposal was accepted by some participants but fewer than required, after every
 * participant answered: a later round may still finish it, so the outcome of the operation is
 * unknown (Cassandra 5.0's {@code CasWriteUnknownResultException}, protocol error {@code 0x1700}).
 * Clients at protocol v4 and below get it as a {@code WriteTimeout} with write type {@code CAS} and
 * the same fields, as 5.0 answers them.
 */
public final class CasWriteUnknownException extends CqlException {

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;

  /**
   * @param consistency the serial level of the round (SERIAL or LOCAL_SERIAL)
   * @param received the participants that accepted the proposal
   * @param blockFor the participants whose acceptance was required
   */
  public CasWriteUnknownException(ConsistencyLevel consistency, int received, int blockFor) {
    super(ErrorCode.CAS_WRITE_UNKNOWN,
        "CAS operation result is unknown - proposal accepted by " + received + " but not a quorum.");
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
  }

  public ConsistencyLevel consistency() {
    return consistency;
  }

  public int received() {
    return received;
  }

  public int blockFor() {
    return blockFor;
  }

  /** The same outcome as protocol v4 and below carry it (5.0's {@code getBackwardsCompatibleException}). */
  public WriteTimeoutException asWriteTimeout() {
    return new WriteTimeoutException(consistency, received, blockFor, WriteType.CAS);
  }
}
