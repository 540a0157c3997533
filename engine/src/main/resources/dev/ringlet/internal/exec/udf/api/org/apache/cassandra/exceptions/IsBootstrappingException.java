package org.apache.cassandra.exceptions;

/** 5.0's IsBootstrappingException. */
public class IsBootstrappingException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public IsBootstrappingException() {
    super(ExceptionCode.IS_BOOTSTRAPPING, "Cannot read from a bootstrapping node");
  }
}
