package org.apache.cassandra.exceptions;

import org.apache.cassandra.db.ConsistencyLevel;

/** 5.0's ReadTimeoutException (see {@link RequestTimeoutException}). */
public class ReadTimeoutException extends RequestTimeoutException {
  private static final long serialVersionUID = 1L;

  public final boolean dataPresent;

  public ReadTimeoutException(ConsistencyLevel consistency, int received, int blockFor, boolean dataPresent) {
    super(ExceptionCode.READ_TIMEOUT, consistency, received, blockFor);
    this.dataPresent = dataPresent;
  }
}
