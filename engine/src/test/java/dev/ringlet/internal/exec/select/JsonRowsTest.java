package dev.ringlet.internal.exec.select;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SELECT JSON keys as 5.0.9's {@code Selection.rowToJson} writes them (recorded in app_messaging's probe of names). */
class JsonRowsTest {

  @Test
  void should_quote_only_names_with_upper_case_letters() {
    assertThat(JsonRows.key("body")).isEqualTo("body");
    assertThat(JsonRows.key("system.max(mid)")).isEqualTo("system.max(mid)");
    assertThat(JsonRows.key("my col")).isEqualTo("my col");
    assertThat(JsonRows.key("x\"y")).isEqualTo("x\"y");
    assertThat(JsonRows.key("Total")).isEqualTo("\"Total\"");
    assertThat(JsonRows.key("Odd\"Name")).isEqualTo("\"Odd\"Name\"");
  }
}
