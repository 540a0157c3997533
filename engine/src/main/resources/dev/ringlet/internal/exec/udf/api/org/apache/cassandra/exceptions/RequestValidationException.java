package org.apache.cassandra.exceptions;

/** 5.0's RequestValidationException. */
public abstract class RequestValidationException extends CassandraException {
  private static final long serialVersionUID = 1L;

  protected RequestValidationException(ExceptionCode code, String msg) {
    super(code, msg);
  }

  protected RequestValidationException(ExceptionCode code, String msg, Throwable e) {
    super(code, msg, e);
  }
}
