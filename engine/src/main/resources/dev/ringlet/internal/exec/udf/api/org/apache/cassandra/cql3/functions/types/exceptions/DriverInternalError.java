package org.apache.cassandra.cql3.functions.types.exceptions;

/** An error in the value classes' own parsing (5.0: a marshal class name that cannot be read). */
public class DriverInternalError extends DriverException {
  private static final long serialVersionUID = 1L;

  public DriverInternalError(String message) {
    super(message);
  }

  public DriverInternalError(String message, Throwable cause) {
    super(message, cause);
  }
}
