package org.apache.cassandra.exceptions;

/** 5.0's UnknownColumnException. */
public final class UnknownColumnException extends IncompatibleSchemaException {
  private static final long serialVersionUID = 1L;

  public UnknownColumnException(String msg) {
    super(msg);
  }
}
