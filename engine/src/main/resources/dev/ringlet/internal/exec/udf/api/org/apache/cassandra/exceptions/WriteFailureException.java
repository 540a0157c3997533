package org.apache.cassandra.exceptions;

import java.util.Map;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.db.WriteType;
import org.apache.cassandra.locator.InetAddressAndPort;

/** 5.0's WriteFailureException (see {@link RequestFailureException}). */
public class WriteFailureException extends RequestFailureException {
  private static final long serialVersionUID = 1L;

  public final WriteType writeType;

  public WriteFailureException(ConsistencyLevel consistency, int received, int blockFor, WriteType writeType,
      Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(ExceptionCode.WRITE_FAILURE, consistency, received, blockFor, failureReasonByEndpoint);
    this.writeType = writeType;
  }
}
