package org.apache.cassandra.exceptions;

import java.util.Map;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.locator.InetAddressAndPort;

/** 5.0's ReadSizeAbortException (see {@link RequestFailureException}). */
public class ReadSizeAbortException extends ReadAbortException {
  private static final long serialVersionUID = 1L;

  public ReadSizeAbortException(String msg, ConsistencyLevel consistency, int received, int blockFor,
      boolean dataPresent, Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(msg, consistency, received, blockFor, dataPresent, failureReasonByEndpoint);
  }
}
