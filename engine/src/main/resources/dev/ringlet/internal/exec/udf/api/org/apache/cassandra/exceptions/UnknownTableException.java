package org.apache.cassandra.exceptions;

import org.apache.cassandra.schema.TableId;

/** 5.0's UnknownTableException: its constructor and {@code id} take {@link TableId}, which the sandbox hides. */
public class UnknownTableException extends IncompatibleSchemaException {
  private static final long serialVersionUID = 1L;

  public final TableId id;

  public UnknownTableException(String msg, TableId id) {
    super(msg);
    this.id = id;
  }
}
