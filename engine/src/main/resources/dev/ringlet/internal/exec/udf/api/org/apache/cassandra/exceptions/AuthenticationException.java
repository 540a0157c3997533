package org.apache.cassandra.exceptions;

/** 5.0's AuthenticationException. */
public class AuthenticationException extends RequestValidationException {
  private static final long serialVersionUID = 1L;

  public AuthenticationException(String msg) {
    super(ExceptionCode.BAD_CREDENTIALS, msg);
  }

  public AuthenticationException(String msg, Throwable t) {
    super(ExceptionCode.BAD_CREDENTIALS, msg, t);
  }
}
