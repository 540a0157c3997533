package org.apache.cassandra.exceptions;

/** 5.0's IncompatibleSchemaException, a checked {@code IOException}. */
public class IncompatibleSchemaException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public IncompatibleSchemaException(String msg) {
    super(msg);
  }
}
