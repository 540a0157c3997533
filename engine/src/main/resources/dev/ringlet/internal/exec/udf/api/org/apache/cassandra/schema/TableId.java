package org.apache.cassandra.schema;

/** Hidden from bodies, as 5.0's sandbox hides it: only named by signatures bodies may not call. */
public final class TableId {
  private TableId() {}
}
