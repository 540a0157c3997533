package org.apache.cassandra.exceptions;

import java.util.Map;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.locator.InetAddressAndPort;

/** 5.0's ReadAbortException (see {@link RequestFailureException}). */
public abstract class ReadAbortException extends ReadFailureException {
  private static final long serialVersionUID = 1L;

  protected ReadAbortException(String msg, ConsistencyLevel consistency, int received, int blockFor,
      boolean dataPresent, Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(msg, consistency, received, blockFor, dataPresent, failureReasonByEndpoint);
  }
}
