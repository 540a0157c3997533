package org.apache.cassandra.exceptions;

import org.apache.cassandra.utils.MD5Digest;

/** 5.0's PreparedQueryNotFoundException: its constructor and {@code id} take {@link MD5Digest}, which the sandbox hides. */
public class PreparedQueryNotFoundException extends RequestValidationException {
  private static final long serialVersionUID = 1L;

  public final MD5Digest id;

  public PreparedQueryNotFoundException(MD5Digest id) {
    super(ExceptionCode.UNPREPARED, String.format("Prepared query with ID %s not found (either the query was not"
        + " prepared on this host (maybe the host has been restarted?) or you have prepared too many queries and it"
        + " has been evicted from the internal cache)", id));
    this.id = id;
  }
}
