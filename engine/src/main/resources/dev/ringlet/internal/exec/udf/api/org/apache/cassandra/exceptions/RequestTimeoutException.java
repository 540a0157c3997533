package org.apache.cassandra.exceptions;

import org.apache.cassandra.db.ConsistencyLevel;

/**
 * 5.0's RequestTimeoutException. Its constructors take {@link ConsistencyLevel}, which the sandbox
 * hides: bodies can name and catch it, and calling them fails to compile as in 5.0.
 */
public class RequestTimeoutException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public final ConsistencyLevel consistency;
  public final int received;
  public final int blockFor;

  protected RequestTimeoutException(ExceptionCode code, ConsistencyLevel consistency, int received, int blockFor) {
    super(code, String.format("Operation timed out - received only %d responses.", received));
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
  }

  protected RequestTimeoutException(ExceptionCode code, ConsistencyLevel consistency, int received, int blockFor,
      String msg) {
    super(code, msg);
    this.consistency = consistency;
    this.received = received;
    this.blockFor = blockFor;
  }
}
