package org.apache.cassandra.exceptions;

/** 5.0's OverloadedException. */
public class OverloadedException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public OverloadedException(String msg) {
    super(ExceptionCode.OVERLOADED, msg);
  }

}
