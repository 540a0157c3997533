package dev.ringlet.internal.exec.udf;

/** A user-defined function's body threw: the message is what Cassandra reports ({@code exception.toString()}). */
public final class UdfFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UdfFailure(Throwable cause) {
    super(cause.toString(), cause, false, false);
  }

  /** A failure worded as the {@code toString()} of an exception Cassandra's value classes throw. */
  UdfFailure(String message) {
    super(message, null, false, false);
  }
}
