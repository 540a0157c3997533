package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/** Too few replicas answered a read in time; Cassandra's message and fields. */
public final class ReadTimeoutException extends CqlException {

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final boolean dataPresent;

  public ReadTimeoutException(ConsistencyLevel consistency, int received, int blockFor, boolean dataPresent) {
    super(ErrorCode.READ_TIMEOUT, "Operation timed out - received only " + received + " responses.");
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.dataPresent = dataPresent;
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

  public boolean dataPresent() {
    return dataPresent;
  }
}
