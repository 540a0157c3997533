package org.apache.cassandra.exceptions;

/** 5.0's UnauthorizedException. */
public class UnauthorizedException extends RequestValidationException {
  private static final long serialVersionUID = 1L;

  public UnauthorizedException(String msg) {
    super(ExceptionCode.UNAUTHORIZED, msg);
  }

  public UnauthorizedException(String msg, Throwable t) {
    super(ExceptionCode.UNAUTHORIZED, msg, t);
  }
}
