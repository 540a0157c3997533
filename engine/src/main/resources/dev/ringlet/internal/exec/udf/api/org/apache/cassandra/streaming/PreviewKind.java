package org.apache.cassandra.streaming;

/** Hidden from bodies, as 5.0's sandbox hides it: only named by signatures bodies may not call. */
public enum PreviewKind {
  NONE
}
