package org.apache.cassandra.exceptions;

/** 5.0's CDCWriteException (code {@code CDC_WRITE_FAILURE}); thrown by a body, a function failure quoting it. */
public class CDCWriteException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public CDCWriteException(String msg) {
    super(ExceptionCode.CDC_WRITE_FAILURE, msg);
  }
}
