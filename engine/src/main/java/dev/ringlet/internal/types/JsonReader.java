package dev.ringlet.internal.types;

import dev.ringlet.internal.types.JsonLexer.Token;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text read into values as Cassandra 5.0's default Jackson {@code ObjectMapper} reads it:
 * {@code readValue(text, Object.class)} ({@link #parse}) for {@code fromJson()} and collections given
 * as JSON strings, {@code readValue(text, Map.class)} ({@link #parseObject}) for {@code INSERT JSON}.
 * Numbers come back as Integer, Long or BigInteger, or Double; objects as insertion-ordered maps
 * (a repeated key keeps its first place and its last value). As in Jackson, reading stops at the end
 * of the first value: what follows it is not read, except that a number or literal at the root must
 * end where a token may end. Malformed text fails with {@link MalformedJsonException}.
 */
final class JsonReader {

  private static final String DATABIND = "com.fasterxml.jackson.databind.exc.";
  private static final String MAP_TYPE = "`java.util.LinkedHashMap<java.lang.Object,java.lang.Object>`";

  private final JsonLexer lexer;

  private JsonReader(String text) {
    this.lexer = new JsonLexer(text);
  }

  /** Jackson's {@code readValue(text, Object.class)}. */
  static Object parse(String text) {
    JsonReader reader = new JsonReader(text);
    return reader.value(reader.first());
  }

  /** Jackson's {@code readValue(text, Map.class)}: a map, or null for {@code null}. */
  static Map<String, Object> parseObject(String text) {
    JsonReader reader = new JsonReader(text);
    Token t = reader.first();
    JsonLexer lexer = reader.lexer;
    switch (t) {
      case START_OBJECT -> {
        return reader.object();
      }
      case NULL -> {
        return null;
      }
      case STRING -> {
        String s = lexer.text().trim(); // databind trims the text, and takes a blank one as empty
        if (s.isEmpty()) {
          throw JsonLexer.error(DATABIND + "InvalidFormatException", "Cannot coerce empty String (\"\") to element of"
              + " `java.util.LinkedHashMap` (but could if coercion was enabled using `CoercionConfig`)\n at "
              + lexer.tokenLocation());
        }
        throw JsonLexer.error(DATABIND + "MismatchedInputException", "Cannot construct instance of"
            + " `java.util.LinkedHashMap` (although at least one Creator exists): no String-argument"
            + " constructor/factory method to deserialize from String value ('" + s + "')\n at " + lexer.tokenLocation());
      }
      default -> throw JsonLexer.error(DATABIND + "MismatchedInputException", "Cannot deserialize value of type "
          + MAP_TYPE + " from " + shape(t) + " value (token `JsonToken." + tokenName(t) + "`)\n at " + lexer.tokenLocation());
    }
  }

  private Token first() {
    Token t = lexer.nextToken();
    if (t == null) {
      throw JsonLexer.error(DATABIND + "MismatchedInputException",
          "No content to map due to end-of-input\n at " + lexer.tokenLocation());
    }
    return t;
  }

  private Object value(Token t) {
    switch (t) {
      case START_OBJECT -> {
        return object();
      }
      case START_ARRAY -> {
        return array();
      }
      case STRING -> {
        return lexer.text();
      }
      case INT -> {
        return integer(lexer.numberText());
      }
      case FLOAT -> {
        return Double.parseDouble(lexer.numberText());
      }
      case TRUE -> {
        return Boolean.TRUE;
      }
      case FALSE -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    for (String name = lexer.nextFieldName(); name != null; name = lexer.nextFieldName()) {
      map.put(name, value(lexer.nextToken()));
    }
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    for (Token t = lexer.nextToken(); t != Token.END_ARRAY; t = lexer.nextToken()) {
      list.add(value(t));
    }
    return list;
  }

  private static Object integer(String text) {
    BigInteger big = new BigInteger(text);
    if (big.bitLength() < 32) {
      return big.intValue();
    }
    if (big.bitLength() < 64) {
      return big.longValue();
    }
    return big;
  }

  private static String shape(Token t) {
    switch (t) {
      case START_ARRAY -> {
        return "Array";
      }
      case INT -> {
        return "Integer";
      }
      case FLOAT -> {
        return "Floating-point";
      }
      default -> {
        return "Boolean";
      }
    }
  }

  private static String tokenName(Token t) {
    switch (t) {
      case START_ARRAY -> {
        return "START_ARRAY";
      }
      case INT -> {
        return "VALUE_NUMBER_INT";
      }
      case FLOAT -> {
        return "VALUE_NUMBER_FLOAT";
      }
      case TRUE -> {
        return "VALUE_TRUE";
      }
      default -> {
        return "VALUE_FALSE";
      }
    }
  }
}
