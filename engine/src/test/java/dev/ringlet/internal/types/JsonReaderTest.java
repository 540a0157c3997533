package dev.ringlet.internal.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

  @Test
  void should_type_numbers_like_jackson() {
    assertThat(JsonReader.parse("5")).isEqualTo(5);
    assertThat(JsonReader.parse("-5000000000")).isEqualTo(-5_000_000_000L);
    assertThat(JsonReader.parse("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
    assertThat(JsonReader.parse("1e3")).isEqualTo(1000.0);
    assertThat(JsonReader.parse("1.5")).isEqualTo(1.5);
  }

  @Test
  void should_read_nested_structures_and_escapes() {
    Object parsed = JsonReader.parse(" {\"a\": [1, null, true], \"b\\\"\": \"x\\u0041\\n\"} ");

    assertThat(parsed).isEqualTo(Map.of("a", Arrays.asList(1, null, true), "b\"", "xA\n"));
    assertThat(JsonReader.parse("[]")).isEqualTo(List.of());
  }

  private static final String AT = "\n at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); ";

  private static String failure(String json) {
    try {
      JsonReader.parse(json);
    } catch (MalformedJsonException e) {
      return e.jacksonToString();
    }
    throw new AssertionError("parsed: " + json);
  }

  @Test
  void should_stop_reading_after_the_first_value_like_jackson() {
    assertThat(JsonReader.parse("1 2")).isEqualTo(1);
    assertThat(JsonReader.parse("{\"a\":1}} x")).isEqualTo(Map.of("a", 1));
    assertThat(JsonReader.parse("\"abc\"x")).isEqualTo("abc");
    assertThat(JsonReader.parseObject("null")).isNull();
    assertThat(JsonReader.parse("{\"a\":1,\"a\":2}")).isEqualTo(Map.of("a", 2));
  }

  @Test
  void should_report_malformed_json_with_jacksons_class_message_and_location() {
    // Given malformed inputs and what Jackson 2.19 (Cassandra 5.0.9's) reports for each, as recorded in json_errors
    assertThat(failure("not json")).isEqualTo("com.fasterxml.jackson.core.JsonParseException: Unrecognized token 'not':"
        + " was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')" + AT + "line: 1, column: 4]");
    assertThat(failure("{")).isEqualTo("com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-input: expected close"
        + " marker for Object (start marker at [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled);"
        + " line: 1, column: 1])" + AT + "line: 1, column: 2]");
    assertThat(failure("{\"a\":1,")).isEqualTo("com.fasterxml.jackson.core.JsonParseException: Unexpected end-of-input"
        + " within/between Object entries" + AT + "line: 1, column: 8]");
    assertThat(failure("{a:1}")).isEqualTo("com.fasterxml.jackson.core.JsonParseException: Unexpected character ('a' (code 97)):"
        + " was expecting double-quote to start field name" + AT + "line: 1, column: 2]");
    assertThat(failure("{\"a\":1.}")).isEqualTo("com.fasterxml.jackson.core.JsonParseException: Unexpected character ('}'"
        + " (code 125)) in numeric value: Decimal point not followed by a digit" + AT + "line: 1, column: 7]");
    assertThat(failure("1.")).endsWith("Unexpected character ('.' (code 46)) in numeric value: Decimal point not followed by a"
        + " digit" + AT + "line: 1, column: 2]");
    assertThat(failure("-")).isEqualTo("com.fasterxml.jackson.core.io.JsonEOFException: Unexpected end-of-inputNo digit"
        + " following sign" + AT + "line: 1, column: 2]");
    assertThat(failure("-01")).endsWith("Invalid numeric value: Leading zeroes not allowed" + AT + "line: 1, column: 3]");
    assertThat(failure("{\"a\":\"x\ny\"}")).endsWith("Illegal unquoted character ((CTRL-CHAR, code 10)): has to be escaped"
        + " using backslash to be included in string value" + AT + "line: 1, column: 8]");
    assertThat(failure("\r\n{\"a\":\r\n x}")).endsWith("Unrecognized token 'x': was expecting (JSON String, Number, Array,"
        + " Object or token 'null', 'true' or 'false')" + AT + "line: 3, column: 3]");
    assertThat(failure("{\"a\":[1,2}")).endsWith("Unexpected close marker '}': expected ']' (for Array starting at [Source:"
        + " REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 6])" + AT + "line: 1, column: 10]");
    assertThat(failure("{\"a\":→}")).endsWith("Unexpected character ('→' (code 8594 / 0x2192)): expected a valid value (JSON"
        + " String, Number, Array, Object or token 'null', 'true' or 'false')" + AT + "line: 1, column: 6]");
    assertThat(failure("123abc")).endsWith("Unexpected character ('a' (code 97)): Expected space separating root-level values"
        + AT + "line: 1, column: 4]");
    assertThat(failure("   ")).isEqualTo("com.fasterxml.jackson.databind.exc.MismatchedInputException: No content to map due"
        + " to end-of-input" + AT + "line: 1]");
    assertThat(failure("[".repeat(1001))).isEqualTo("com.fasterxml.jackson.core.exc.StreamConstraintsException: Document"
        + " nesting depth (1001) exceeds the maximum allowed (1000, from `StreamReadConstraints.getMaxNestingDepth()`)");
  }

  @Test
  void should_refuse_non_objects_as_insert_json_maps_like_jackson() {
    assertThatThrownBy(() -> JsonReader.parseObject("[1,,2]")).isInstanceOf(MalformedJsonException.class)
        .hasMessage("Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.Object,java.lang.Object>` from"
            + " Array value (token `JsonToken.START_ARRAY`)" + AT + "line: 1, column: 1]");
    assertThatThrownBy(() -> JsonReader.parseObject("\"\"")).hasMessageStartingWith("Cannot coerce empty String");
    // databind trims a string before refusing it, and takes a blank one as empty
    assertThatThrownBy(() -> JsonReader.parseObject("\"  \"")).hasMessageStartingWith("Cannot coerce empty String");
    assertThatThrownBy(() -> JsonReader.parseObject(" \" str\\n\" x")).hasMessageContaining("from String value ('str')")
        .hasMessageEndingWith("line: 1, column: 2]");
  }

  @Test
  void should_decode_collections_given_as_json_strings_with_cassandras_prefix() {
    assertThatThrownBy(() -> JsonValues.decodeIfString("[1, 2")).isInstanceOf(MarshalException.class)
        .hasMessageStartingWith("Error decoding JSON string: Unexpected end-of-input: expected close marker for Array");
  }

  @Test
  void should_quote_strings_like_jackson() {
    assertThat(JsonText.quote("a\"b\\c\n\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é\"");
  }
}
