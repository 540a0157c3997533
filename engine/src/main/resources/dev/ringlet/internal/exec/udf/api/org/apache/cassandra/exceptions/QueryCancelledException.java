package org.apache.cassandra.exceptions;

import org.apache.cassandra.db.ReadCommand;

/** 5.0's QueryCancelledException: its constructor takes {@link ReadCommand}, which the sandbox hides. */
public class QueryCancelledException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public QueryCancelledException(ReadCommand command) {
    super("Query cancelled for taking too long: " + command.toCQLString());
  }
}
