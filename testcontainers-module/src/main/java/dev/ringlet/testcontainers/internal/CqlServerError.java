package dev.ringlet.testcontainers.internal;

/** An ERROR response: the server's error code and message. */
public final class CqlServerError extends CqlProbeException {

  private static final long serialVersionUID = 1L;

  private final int code;

  public CqlServerError(int code, String message) {
    super("error 0x" + String.format("%04x", code) + ": " + message);
    this.code = code;
  }

  public int code() {
    return code;
  }
}
