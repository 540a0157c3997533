package dev.ringlet.internal.types;

/** JSON text in and out, for INSERT JSON and SELECT JSON (no JSON library: nothing to clash). */
public final class Json {

  private Json() {}

  /**
   * Parses JSON text into String, Number (Integer, Long, BigInteger, Double or BigDecimal, as
   * Jackson would type them), Boolean, List, Map (insertion-ordered) or null.
   *
   * @throws MarshalException when the text is not JSON
   */
  public static Object parse(String text) {
    return JsonReader.parse(text);
  }

  /** A JSON string literal for the text. */
  public static String quote(String text) {
    return JsonText.quote(text);
  }
}
