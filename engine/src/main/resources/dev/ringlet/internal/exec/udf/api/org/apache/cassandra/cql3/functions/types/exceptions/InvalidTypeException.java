package org.apache.cassandra.cql3.functions.types.exceptions;

/** A value does not fit its CQL type. */
public class InvalidTypeException extends DriverException {
  private static final long serialVersionUID = 1L;

  public InvalidTypeException(String message) {
    super(message);
  }

  public InvalidTypeException(String message, Throwable cause) {
    super(message, cause);
  }
}
