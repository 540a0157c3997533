package dev.ringlet.internal.error;

/**
 * An error answered to the client. The message is the one Cassandra 5.0 would send, word for word,
 * because clients and tests compare them. Subclasses carry the extra fields some codes need.
 */
public class CqlException extends RuntimeException {

  private final ErrorCode code;

  public CqlException(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }

  public static CqlException invalid(String message) {
    return new CqlException(ErrorCode.INVALID, message);
  }

  public static CqlException syntax(String message) {
    return new CqlException(ErrorCode.SYNTAX_ERROR, message);
  }

  public static CqlException config(String message) {
    return new CqlException(ErrorCode.CONFIG_ERROR, message);
  }

  public static CqlException serverError(String message) {
    return new CqlException(ErrorCode.SERVER_ERROR, message);
  }
}
