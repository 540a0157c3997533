package org.apache.cassandra.exceptions;

/** 5.0's UnaccessibleFieldException. */
public class UnaccessibleFieldException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnaccessibleFieldException(String message) {
    super(message);
  }

  public UnaccessibleFieldException(String message, Throwable cause) {
    super(message, cause);
  }
}
