package org.apache.cassandra.cql3.functions.types.exceptions;

/** A value was read or written as a Java type its CQL type does not map to. */
public class CodecNotFoundException extends DriverException {
  private static final long serialVersionUID = 1L;

  public CodecNotFoundException(String message) {
    super(message);
  }

  public CodecNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
