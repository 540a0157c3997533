package dev.ringlet.internal.types;

/**
 * JSON text that Cassandra 5.0's Jackson 2.19 would refuse, described as Jackson describes it: the
 * name of the exception class Jackson throws ({@code com.fasterxml.jackson.core.JsonParseException},
 * {@code ...io.JsonEOFException}, {@code ...exc.StreamConstraintsException},
 * {@code com.fasterxml.jackson.databind.exc.MismatchedInputException}...) and its message, with the
 * {@code \n at [Source: REDACTED ...; line: L, column: C]} location where Jackson adds one. Cassandra
 * quotes either {@link #getMessage()} or {@link #jacksonToString()} in its errors.
 */
public final class MalformedJsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String jacksonClass;

  MalformedJsonException(String jacksonClass, String message) {
    super(message, null, false, false);
    this.jacksonClass = jacksonClass;
  }

  /** Jackson's exception class, fully qualified. */
  public String jacksonClass() {
    return jacksonClass;
  }

  /** What {@code toString()} of Jackson's exception prints: its class name, a colon and its message. */
  public String jacksonToString() {
    return jacksonClass + ": " + getMessage();
  }
}
