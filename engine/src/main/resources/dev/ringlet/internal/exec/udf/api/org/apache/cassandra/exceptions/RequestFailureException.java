package org.apache.cassandra.exceptions;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.locator.InetAddressAndPort;

/**
 * 5.0's RequestFailureException. Its constructors and {@code failureReasonByEndpoint} name {@link
 * ConsistencyLevel} and {@link InetAddressAndPort}, which the sandbox hides: bodies can name and
 * catch it and read its counts, and the rest fails to compile as in 5.0.
 */
public class RequestFailureException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public final ConsistencyLevel consistency;
  public final int received;
  public final int blockFor;
  public final Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint;

  protected RequestFailureException(ExceptionCode code, ConsistencyLevel consistency, int received, int blockFor,
      Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    this(code, buildErrorMessage(received, failureReasonByEndpoint), consistency, received, blockFor,
        failureReasonByEndpoint);
  }

  public RequestFailureException(ExceptionCode code, String msg, ConsistencyLevel consistency, int received,
      int blockFor, Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(code, buildErrorMessage(msg, failureReasonByEndpoint));
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
    this.failureReasonByEndpoint = failureReasonByEndpoint;
  }

  private static String buildErrorMessage(int received, Map<InetAddressAndPort, RequestFailureReason> failures) {
    return String.format("received %d responses and %d failures", received, failures.size());
  }

  private static String buildErrorMessage(CharSequence msg, Map<InetAddressAndPort, RequestFailureReason> failures) {
    StringBuilder sb = new StringBuilder("Operation failed - ").append(msg);
    if (failures != null && !failures.isEmpty()) {
      sb.append(": ").append(failures.entrySet().stream()
          .map(e -> String.format("%s from %s", e.getValue(), e.getKey())).collect(Collectors.joining(", ")));
    }
    return sb.toString();
  }
}
