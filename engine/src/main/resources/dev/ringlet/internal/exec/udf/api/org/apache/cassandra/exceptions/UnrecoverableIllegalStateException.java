package org.apache.cassandra.exceptions;

/**
 * 5.0's UnrecoverableIllegalStateException. 5.0 stops its JVM when a body throws it (its
 * JVMStabilityInspector); Ringlet answers the request with a function failure quoting it.
 */
public class UnrecoverableIllegalStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnrecoverableIllegalStateException(String message) {
    super(message);
  }
}
