package org.apache.cassandra.exceptions;

import java.util.Map;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.locator.InetAddressAndPort;

/** 5.0's ReadFailureException (see {@link RequestFailureException}). */
public class ReadFailureException extends RequestFailureException {
  private static final long serialVersionUID = 1L;

  public final boolean dataPresent;

  public ReadFailureException(ConsistencyLevel consistency, int received, int blockFor, boolean dataPresent,
      Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(ExceptionCode.READ_FAILURE, consistency, received, blockFor, failureReasonByEndpoint);
    this.dataPresent = dataPresent;
  }

  protected ReadFailureException(String msg, ConsistencyLevel consistency, int received, int blockFor,
      boolean dataPresent, Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(ExceptionCode.READ_FAILURE, msg, consistency, received, blockFor, failureReasonByEndpoint);
    this.dataPresent = dataPresent;
  }
}
