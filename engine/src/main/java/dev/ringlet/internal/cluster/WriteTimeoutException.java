package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/** Too few replicas acknowledged a write in time; Cassandra's message and fields. */
public class WriteTimeoutException extends CqlException {

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final WriteType writeType;

  public WriteTimeoutException(ConsistencyLevel consistency, int received, int blockFor, WriteType writeType) {
    this(consistency, received, blockFor, writeType, "Operation timed out - received only " + received + " responses.");
  }

  /** For subclasses whose message Cassandra words differently. */
  protected WriteTimeoutException(ConsistencyLevel consistency, int received, int blockFor, WriteType writeType,
      String message) {
    super(ErrorCode.WRITE_TIMEOUT, message);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.writeType = writeType;
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

  public WriteType writeType() {
    return writeType;
  }
}
