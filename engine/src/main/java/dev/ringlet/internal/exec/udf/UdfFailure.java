package dev.ringlet.internal.exec.udf;

/** A user-defined function's body threw: the message is what Cassandra reports ({@code exception.toString()}). */
public final class UdfFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UdfFailure(Throwable cause) {
    super(cause.toString(), cause, false, false);
  }
}
