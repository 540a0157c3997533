package org.apache.cassandra.exceptions;

import org.apache.cassandra.db.ConsistencyLevel;
import org.apache.cassandra.db.WriteType;

/** 5.0's WriteTimeoutException: its constructors take {@link WriteType} and {@link ConsistencyLevel}, which the sandbox hides. */
public class WriteTimeoutException extends RequestTimeoutException {
  private static final long serialVersionUID = 1L;

  public final WriteType writeType;

  public WriteTimeoutException(WriteType writeType, ConsistencyLevel consistency, int received, int blockFor) {
    super(ExceptionCode.WRITE_TIMEOUT, consistency, received, blockFor);
    this.writeType = writeType;
  }

  public WriteTimeoutException(WriteType writeType, ConsistencyLevel consistency, int received, int blockFor,
      String msg) {
    super(ExceptionCode.WRITE_TIMEOUT, consistency, received, blockFor, msg);
    this.writeType = writeType;
  }
}
