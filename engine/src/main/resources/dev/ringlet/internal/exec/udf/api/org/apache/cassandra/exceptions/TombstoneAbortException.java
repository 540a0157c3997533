package org.apache.cassandra.exceptions;

import java.util.Map;
import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.locator.InetAddressAndPort;

/** 5.0's TombstoneAbortException (see {@link RequestFailureException}). */
public class TombstoneAbortException extends ReadAbortException {
  private static final long serialVersionUID = 1L;

  public final int nodes;
  public final long tombstones;

  public TombstoneAbortException(String msg, int nodes, long tombstones, boolean dataPresent, ConsistencyLevel consistency,
      int received, int blockFor, Map<InetAddressAndPort, RequestFailureReason> failureReasonByEndpoint) {
    super(msg, consistency, received, blockFor, dataPresent, failureReasonByEndpoint);
    this.nodes = nodes;
    this.tombstones = tombstones;
  }
}
