package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.testcontainers.internal.CqlScript.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * This module's splitter (it has no engine at run time) on the cases the engine's splitter runs too
 * ({@code cql-script-cases.csv}, from the engine's test resources), plus the line each statement starts on.
 */
class CqlScriptTest {

  @ParameterizedTest(name = "{index}: {0}")
  @CsvFileSource(resources = "/cql-script-cases.csv", delimiterString = " | ", quoteCharacter = '`',
      ignoreLeadingAndTrailingWhitespace = false)
  void should_split_as_every_splitter_does(String script, String expected) {
    String text = script == null ? "" : script.replace("\\n", "\n");
    String outcome = expected == null ? "" : expected.replace("\\n", "\n");
    if (outcome.startsWith("error: ")) {
      assertThatThrownBy(() -> CqlScript.split(text)).isInstanceOf(IllegalArgumentException.class)
          .hasMessage(outcome.substring("error: ".length()));
    } else {
      List<String> statements = outcome.isEmpty() ? List.of() : Arrays.asList(outcome.split("¶"));
      assertThat(CqlScript.split(text)).extracting(Statement::cql).containsExactlyElementsOf(statements);
    }
  }

  @Test
  void should_split_at_semicolons_and_keep_the_line_each_statement_starts_on() {
    String script = "CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1};\n"
        + "\n"
        + "CREATE TABLE k.t (\n  id int PRIMARY KEY,\n  v text\n);\n"
        + "INSERT INTO k.t (id, v) VALUES (1, 'a')";
    assertThat(CqlScript.split(script)).containsExactly(
        new Statement("CREATE KEYSPACE k WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}", 1),
        new Statement("CREATE TABLE k.t (\n  id int PRIMARY KEY,\n  v text\n)", 3),
        new Statement("INSERT INTO k.t (id, v) VALUES (1, 'a')", 7));
  }

  @Test
  void should_drop_all_three_comment_forms_and_count_their_lines() {
    String script = "-- a comment; not a statement\n"
        + "// another; still not\n"
        + "/* a block;\n   over lines; */ SELECT * FROM system.local; -- trailing\n"
        + "SELECT 1 FROM system.local /* inline */ ;";
    assertThat(CqlScript.split(script)).containsExactly(
        new Statement("SELECT * FROM system.local", 4),
        new Statement("SELECT 1 FROM system.local", 5));
  }
}
