package dev.ringlet.internal.types;

import java.util.List;
import java.util.Map;

/** Shapes of JSON input for composite types: JSON text given as a string is decoded first. */
final class JsonValues {

  private JsonValues() {}

  /** JSON text given as a string decoded as Cassandra decodes it, with its message when malformed. */
  static Object decodeIfString(Object json) {
    if (!(json instanceof String s)) {
      return json;
    }
    try {
      return JsonReader.parse(s);
    } catch (MalformedJsonException e) {
      throw new MarshalException("Error decoding JSON string: " + e.getMessage());
    }
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
