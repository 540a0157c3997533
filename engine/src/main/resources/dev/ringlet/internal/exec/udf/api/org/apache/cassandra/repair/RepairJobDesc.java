package org.apache.cassandra.repair;

import org.apache.cassandra.streaming.PreviewKind;

/** Hidden from bodies, as 5.0's sandbox hides it: only named by signatures bodies may not call. */
public final class RepairJobDesc {
  private RepairJobDesc() {}

  /** How 5.0's {@code RepairException} names the job. */
  public String toString(PreviewKind previewKind) {
    return "[repair]";
  }
}
