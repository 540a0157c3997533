package dev.ringlet.testcontainers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.testcontainers.internal.CqlScript.Statement;
import org.junit.jupiter.api.Test;

class CqlScriptTest {

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

  @Test
  void should_not_end_a_statement_at_a_semicolon_inside_literals_identifiers_or_dollar_bodies() {
    String script = "INSERT INTO k.t (id, \"odd;name\") VALUES (1, 'it''s; -- not a comment');\n"
        + "CREATE FUNCTION k.f(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; $$;";
    assertThat(CqlScript.split(script)).extracting(Statement::cql).containsExactly(
        "INSERT INTO k.t (id, \"odd;name\") VALUES (1, 'it''s; -- not a comment')",
        "CREATE FUNCTION k.f(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; $$");
  }

  @Test
  void should_return_nothing_for_blank_or_comment_only_scripts() {
    assertThat(CqlScript.split("")).isEmpty();
    assertThat(CqlScript.split("  ;\n;; -- nothing\n")).isEmpty();
  }

  @Test
  void should_refuse_a_literal_identifier_body_or_block_comment_left_open_naming_its_line() {
    assertThatThrownBy(() -> CqlScript.split("SELECT * FROM t;\nINSERT INTO t (k, v) VALUES (1, 'open);"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unterminated string literal '...' starting on line 2 (expected: it to be closed before the end of the script)");
    assertThatThrownBy(() -> CqlScript.split("SELECT \"odd FROM t;"))
        .hasMessageStartingWith("unterminated quoted identifier \"...\" starting on line 1");
    assertThatThrownBy(() -> CqlScript.split("SELECT 1 FROM t;\n\nCREATE FUNCTION f() AS $$ return 1;"))
        .hasMessageStartingWith("unterminated $$ body starting on line 3");
    assertThatThrownBy(() -> CqlScript.split("SELECT 1 FROM t; /* never closed;\nSELECT 2 FROM t;"))
        .hasMessageStartingWith("unterminated block comment /* ... */ starting on line 1");
  }
}
