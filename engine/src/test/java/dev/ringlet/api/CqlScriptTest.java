package dev.ringlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * The splitter the JUnit extension and the Spring starter share, on the cases every splitter runs
 * ({@code cql-script-cases.csv}, also run by the Testcontainers module's own).
 */
class CqlScriptTest {

  @ParameterizedTest(name = "{index}: {0}")
  @CsvFileSource(resources = "/cql-script-cases.csv", delimiterString = " | ", quoteCharacter = '`',
      ignoreLeadingAndTrailingWhitespace = false)
  void should_split_as_every_splitter_does(String script, String expected) {
    String text = unescape(script);
    String outcome = unescape(expected);
    if (outcome.startsWith("error: ")) {
      assertThatThrownBy(() -> CqlScript.statements(text)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(outcome.substring("error: ".length()));
    } else {
      List<String> statements = outcome.isEmpty() ? List.of() : Arrays.asList(outcome.split("¶"));
      assertThat(CqlScript.statements(text)).containsExactlyElementsOf(statements);
    }
  }

  private static String unescape(String column) {
    return column == null ? "" : column.replace("\\n", "\n");
  }
}
