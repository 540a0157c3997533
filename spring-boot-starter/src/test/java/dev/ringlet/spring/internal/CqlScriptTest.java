package dev.ringlet.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CqlScriptTest {

  @Test
  void should_split_at_semicolons_and_keep_a_last_statement_without_one() {
    assertThat(CqlScript.statements("CREATE TABLE a (k int PRIMARY KEY);\n\nINSERT INTO a (k) VALUES (1)", "s"))
        .containsExactly("CREATE TABLE a (k int PRIMARY KEY)", "INSERT INTO a (k) VALUES (1)");
  }

  @Test
  void should_not_split_inside_literals_identifiers_and_bodies() {
    String script = "INSERT INTO t (k, v) VALUES (1, 'it''s; here');\n"
        + "SELECT \"a;b\" FROM t;\n"
        + "CREATE FUNCTION f(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; $$;";
    assertThat(CqlScript.statements(script, "s")).containsExactly(
        "INSERT INTO t (k, v) VALUES (1, 'it''s; here')",
        "SELECT \"a;b\" FROM t",
        "CREATE FUNCTION f(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS $$ return x; $$");
  }

  @Test
  void should_drop_comments_of_every_kind() {
    String script = "-- a table; with a semicolon\n"
        + "CREATE TABLE a (k int PRIMARY KEY); // trailing; comment\n"
        + "/* block; comment\n spanning lines */ DROP TABLE a;\n"
        + "-- only a comment at the end";
    assertThat(CqlScript.statements(script, "s")).containsExactly("CREATE TABLE a (k int PRIMARY KEY)", "DROP TABLE a");
  }

  @Test
  void should_keep_comment_markers_inside_literals() {
    assertThat(CqlScript.statements("INSERT INTO t (k, v) VALUES (1, '-- not /* a comment');", "s"))
        .containsExactly("INSERT INTO t (k, v) VALUES (1, '-- not /* a comment')");
  }

  @Test
  void should_name_the_script_and_line_of_an_unterminated_literal() {
    assertThatThrownBy(() -> CqlScript.statements("SELECT 1;\nINSERT INTO t (v) VALUES ('open);", "classpath:x.cql"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("classpath:x.cql: unterminated string literal starting on line 2"
            + " (expected: it to be closed before the end of the script)");
    assertThatThrownBy(() -> CqlScript.statements("/* never closed", "s"))
        .hasMessageContaining("unterminated block comment starting on line 1");
  }

  @Test
  void should_return_nothing_for_an_empty_script() {
    assertThat(CqlScript.statements(" \n -- nothing\n ;; ", "s")).isEmpty();
  }
}
