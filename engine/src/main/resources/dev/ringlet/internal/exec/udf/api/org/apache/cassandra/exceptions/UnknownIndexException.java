package org.apache.cassandra.exceptions;

import java.util.UUID;
import org.apache.cassandra.schema.TableMetadata;

/** 5.0's UnknownIndexException: its constructor takes {@link TableMetadata}, which the sandbox hides. */
public final class UnknownIndexException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public final UUID indexId;

  public UnknownIndexException(TableMetadata metadata, UUID id) {
    super(String.format("Unknown index %s for table %s", id, metadata));
    this.indexId = id;
  }
}
