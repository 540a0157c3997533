package dev.ringlet.internal.types;

import java.util.List;
import java.util.Map;

/** Shapes of JSON input for composite types: JSON text given as a string is decoded first. */
final class JsonValues {

  private JsonValues() {}

  static Object decodeIfString(Object json) {
    return json instanceof String s ? JsonReader.parse(s) : json;
  }

  static List<?> list(Object json, String expected) {
    Object parsed = decodeIfString(json);
    if (!(parsed instanceof List<?> list)) {
      throw NativeCodec.expected(expected, parsed);
    }
    return list;
  }

  static Map<?, ?> map(Object json) {
    Object parsed = decodeIfString(json);
    if (!(parsed instanceof Map<?, ?> map)) {
      throw NativeCodec.expected("a map", parsed);
    }
    return map;
  }

  /** A map key's JSON: kept when already a JSON string, quoted otherwise (keys must be strings). */
  static String mapKey(String keyJson) {
    return keyJson.startsWith("\"") ? keyJson : JsonText.quote(keyJson);
  }
}
