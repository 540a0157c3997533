package org.apache.cassandra.exceptions;

import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.db.WriteType;

/** 5.0's CasWriteTimeoutException (see {@link WriteTimeoutException}). */
public class CasWriteTimeoutException extends WriteTimeoutException {
  private static final long serialVersionUID = 1L;

  public final int contentions;

  public CasWriteTimeoutException(WriteType writeType, ConsistencyLevel consistency, int received, int blockFor,
      int contentions) {
    super(writeType, consistency, received, blockFor, String.format(
        "CAS operation timed out: received %d of %d required responses after %d contention retries", received,
        blockFor, contentions));
    this.contentions = contentions;
  }
}
