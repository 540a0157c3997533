package org.apache.cassandra.exceptions;

/** 5.0's SyntaxException. */
public class SyntaxException extends RequestValidationException {
  private static final long serialVersionUID = 1L;

  public SyntaxException(String msg) {
    super(ExceptionCode.SYNTAX_ERROR, msg);
  }

}
