package org.apache.cassandra.exceptions;

/** A request 5.0 refuses; thrown by a function body, the client gets it as an {@code Invalid} error with its message. */
public class InvalidRequestException extends RequestValidationException {
  private static final long serialVersionUID = 1L;

  public InvalidRequestException(String msg) {
    super(ExceptionCode.INVALID, msg);
  }

  public InvalidRequestException(String msg, Throwable t) {
    super(ExceptionCode.INVALID, msg, t);
  }
}
