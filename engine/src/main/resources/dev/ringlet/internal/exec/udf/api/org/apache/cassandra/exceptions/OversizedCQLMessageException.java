package org.apache.cassandra.exceptions;

/** 5.0's OversizedCQLMessageException; an {@link InvalidRequestException}, so a body throwing it answers Invalid. */
public class OversizedCQLMessageException extends InvalidRequestException {
  private static final long serialVersionUID = 1L;

  public OversizedCQLMessageException(String msg) {
    super(msg);
  }
}
