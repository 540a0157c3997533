package org.apache.cassandra.cql3.functions.types.exceptions;

/** The root of the exceptions the UDF value classes throw. */
public class DriverException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DriverException(String message) {
    super(message);
  }

  public DriverException(String message, Throwable cause) {
    super(message, cause);
  }
}
