package org.apache.cassandra.exceptions;

/** 5.0's TruncateException. */
public class TruncateException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public TruncateException(Throwable e) {
    super(ExceptionCode.TRUNCATE_ERROR, "Error during truncate: " + e.getMessage(), e);
  }

  public TruncateException(String msg) {
    super(ExceptionCode.TRUNCATE_ERROR, msg);
  }
}
