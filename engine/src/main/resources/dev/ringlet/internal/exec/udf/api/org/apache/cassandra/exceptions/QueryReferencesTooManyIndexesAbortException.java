package org.apache.cassandra.exceptions;

import java.util.Map;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.locator.InetAddressAndPort;

/** 5.0's QueryReferencesTooManyIndexesAbortException (see {@link RequestFailureException}). */
public class QueryReferencesTooManyIndexesAbortException extends ReadAbortException {
  private static final long serialVersionUID = 1L;

  public final int nodes;
  public final long maxValue;

  public QueryReferencesTooManyIndexesAbortException(String msg, int nodes, long maxValue, boolean dataPresent, ConsistencyLevel consistency,
      int received, int blockFor, Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(msg, consistency, received, blockFor, dataPresent, failureReasonByEndpoint);
    this.nodes = nodes;
    this.maxValue = maxValue;
  }
}
