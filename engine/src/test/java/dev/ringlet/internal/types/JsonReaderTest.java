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

  @Test
  void should_reject_malformed_json() {
    assertThatThrownBy(() -> JsonReader.parse("[1, 2")).isInstanceOf(MarshalException.class)
        .hasMessageStartingWith("Error decoding JSON string: ");
    assertThatThrownBy(() -> JsonReader.parse("{1: 2}")).isInstanceOf(MarshalException.class);
    assertThatThrownBy(() -> JsonReader.parse("1 2")).isInstanceOf(MarshalException.class);
  }

  @Test
  void should_quote_strings_like_jackson() {
    assertThat(JsonText.quote("a\"b\\c\n\u0001é")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001é\"");
  }
}
