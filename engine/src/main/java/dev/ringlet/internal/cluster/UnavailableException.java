package dev.ringlet.internal.cluster;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;

/**
 * Fewer replicas alive than the consistency level needs. The message is 5.0's
 * ({@code UnavailableException.create}): "Cannot achieve consistency level X"; the counts travel
 * in the error body, from which the Java driver writes its own "Not enough replicas available..."
 * text, while the Python and Node.js drivers (and cqlsh) show the server's message.
 */
public final class UnavailableException extends CqlException {

  private final ConsistencyLevel consistency;
  private final int required;
  private final int alive;

  public UnavailableException(ConsistencyLevel consistency, int required, int alive) {
    this("Cannot achieve consistency level " + consistency, consistency, required, alive);
  }

  /** An Unavailable error with Cassandra's own message for a special case (the counts still go to the client). */
  public UnavailableException(String message, ConsistencyLevel consistency, int required, int alive) {
    super(ErrorCode.UNAVAILABLE, message);
    this.consistency = consistency;
    this.required = required;
    this.alive = alive;
  }

  public ConsistencyLevel consistency() {
    return consistency;
  }

  public int required() {
    return required;
  }

  public int alive() {
    return alive;
  }
}
