package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Replicas answered a read with failures, so the consistency level can no longer be met
 * (Cassandra's ReadFailureException): the counts of a timeout plus each failed replica's reason,
 * which protocol v5 sends as the reason map (v4 only their number).
 *
 * <p>{@code abortedTombstones} is the largest number of tombstones a replica scanned before it gave
 * up (tombstone_failure_threshold), or -1 when no replica failed for that reason.
 */
public final class ReadFailureException extends CqlException {

  private final ConsistencyLevel consistency;
  private final int received;
  private final int blockFor;
  private final boolean dataPresent;
  private final Map<InetAddress, FailureReason> reasons;
  private final long abortedTombstones;

  public ReadFailureException(String message, ConsistencyLevel consistency, int received, int blockFor, boolean dataPresent,
      Map<InetAddress, FailureReason> reasons, long abortedTombstones) {
    super(ErrorCode.READ_FAILURE, message);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.dataPresent = dataPresent;
    this.reasons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
    this.abortedTombstones = abortedTombstones;
  }

  /** Cassandra's generic message: {@code Operation failed - received 0 responses and 1 failures: REASON from /addr:7000}. */
  public static String operationFailed(int received, Map<InetAddress, FailureReason> reasons) {
    return "Operation failed - received " + received + " responses and " + reasons.size() + " failures: "
        + reasons.entrySet().stream().map(e -> e.getValue() + " from /" + e.getKey().getHostAddress() + ":7000").collect(Collectors.joining(", "));
  }

  /** The same failure with another message (the coordinator names the query once it knows it). */
  public ReadFailureException withMessage(String message) {
    return new ReadFailureException(message, consistency, received, blockFor, dataPresent, reasons, abortedTombstones);
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

  /** Each failed replica's address and reason, in the order they failed. */
  public Map<InetAddress, FailureReason> reasons() {
    return reasons;
  }

  public int failures() {
    return reasons.size();
  }

  public long abortedTombstones() {
    return abortedTombstones;
  }
}
