package dev.ringlet.internal.error;

/** An EXECUTE of an id this node does not know. */
public final class UnpreparedException extends CqlException {

  private final byte[] id;

  public UnpreparedException(byte[] id, String message) {
    super(ErrorCode.UNPREPARED, message);
    this.id = id.clone();
  }

  public byte[] id() {
    return id.clone();
  }
}
