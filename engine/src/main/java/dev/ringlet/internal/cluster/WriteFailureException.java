package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replicas answered a write with failures, so the consistency level can no longer be met
 * (Cassandra's WriteFailureException): the counts of a write timeout plus each failed replica's
 * reason (the protocol v5 reason map; v4 sends only their number).
 */
public final class WriteFailureException extends CqlException {

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final WriteType writeType;
  private final Map<InetAddress, FailureReason> reasons;

  public WriteFailureException(ConsistencyLevel consistency, int received, int blockFor, WriteType writeType,
      Map<InetAddress, FailureReason> reasons) {
    super(ErrorCode.WRITE_FAILURE, ReadFailureException.operationFailed(received, reasons));
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.writeType = writeType;
    this.reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
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

  /** Each failed replica's address and reason, in the order they failed. */
  public Map<InetAddress, FailureReason> reasons() {
    return reasons;
  }

  public int failures() {
    return reasons.size();
  }
}
