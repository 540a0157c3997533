package org.apache.cassandra.exceptions;

/** 5.0's RequestExecutionException. */
public abstract class RequestExecutionException extends CassandraException {
  private static final long serialVersionUID = 1L;

  protected RequestExecutionException(ExceptionCode code, String msg) {
    super(code, msg);
  }

  protected RequestExecutionException(ExceptionCode code, String msg, Throwable e) {
    super(code, msg, e);
  }
}
