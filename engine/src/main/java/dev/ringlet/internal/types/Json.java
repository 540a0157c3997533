package dev.ringlet.internal.types;

import java.util.Map;

/**
 * JSON text in and out, for INSERT JSON, SELECT JSON and the JSON functions (no JSON library:
 * nothing to clash). Malformed text fails as Cassandra 5.0's Jackson fails (see {@link
 * MalformedJsonException}).
 */
public final class Json {

  private Json() {}

  /**
   * Parses JSON text into String, Number (Integer, Long, BigInteger or Double, as Jackson types
   * them), Boolean, List, Map (insertion-ordered) or null, as Jackson's {@code readValue(text,
   * Object.class)}: reading ends with the first value.
   *
   * @throws MalformedJsonException when Jackson would refuse the text
   */
  public static Object parse(String text) {
    return JsonReader.parse(text);
  }

  /**
   * Parses the JSON text of {@code INSERT JSON}, as Jackson's {@code readValue(text, Map.class)}:
   * an object, or null for {@code null}; any other value fails as it fails in Jackson.
   *
   * @throws MalformedJsonException when Jackson would refuse the text
   */
  public static Map<String, Object> parseObject(String text) {
    return JsonReader.parseObject(text);
  }

  /** A JSON string literal for the text. */
  public static String quote(String text) {
    return JsonText.quote(text);
  }
}
