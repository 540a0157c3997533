package dev.ringlet.testcontainers;

/**
 * A container's init script could not be run: the classpath resource or the driver is missing, or the
 * node refused one of its statements (the message names the statement, its line and the node's error;
 * the cause is the driver's exception). Thrown from {@code start()}, as the cause of Testcontainers'
 * launch failure.
 */
public final class InitScriptException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An exception with the given message and cause (the driver's exception, or null). */
  public InitScriptException(String message, Throwable cause) {
    super(message, cause);
  }
}
