package org.apache.cassandra.db;

/** Hidden from bodies, as 5.0's sandbox hides it: only named by signatures bodies may not call. */
public abstract class ReadCommand {
  /** 5.0's text of the command, as {@code QueryCancelledException} quotes it. */
  public abstract String toCQLString();
}
