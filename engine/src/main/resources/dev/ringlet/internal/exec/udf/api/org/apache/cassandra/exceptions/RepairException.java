package org.apache.cassandra.exceptions;

import org.apache.cassandra.repair.RepairJobDesc;
import org.apache.cassandra.streaming.PreviewKind;

/** 5.0's RepairException: {@code warn(String)} and {@code shouldWarn} are usable; the factories naming a repair job take types the sandbox hides. */
public class RepairException extends Exception {
  private static final long serialVersionUID = 1L;

  private final boolean shouldLogWarn;

  private RepairException(RepairJobDesc desc, PreviewKind previewKind, String message, boolean shouldLogWarn) {
    this(desc.toString(previewKind != null ? previewKind : PreviewKind.NONE) + " " + message, shouldLogWarn);
  }

  private RepairException(String msg, boolean shouldLogWarn) {
    super(msg);
    this.shouldLogWarn = shouldLogWarn;
  }

  public static RepairException error(RepairJobDesc desc, PreviewKind previewKind, String message) {
    return new RepairException(desc, previewKind, message, false);
  }

  public static RepairException warn(RepairJobDesc desc, PreviewKind previewKind, String message) {
    return new RepairException(desc, previewKind, message, true);
  }

  public static RepairException warn(String message) {
    return new RepairException(message, true);
  }

  /** Whether {@code throwable} itself is a repair exception made to be logged as a warning (its causes are not looked at). */
  public static boolean shouldWarn(Throwable throwable) {
    return throwable instanceof RepairException && ((RepairException) throwable).shouldLogWarn;
  }
}
