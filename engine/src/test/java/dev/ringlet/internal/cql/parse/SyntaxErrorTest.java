package dev.ringlet.internal.cql.parse;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Error messages worded and positioned like Cassandra's ANTLR parser reports them. */
class SyntaxErrorTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SELEC * FROM t | line 1:0 no viable alternative at input 'SELEC' ([SELEC]...)",
    "SELECT * FORM t | line 1:9 mismatched input 'FORM' expecting K_FROM (SELECT * [FORM]...)",
    "SELECT * FROM t garbage | line 1:16 no viable alternative at input 'garbage' (SELECT * FROM [t] garbage)",
    "SELECT * FROM t WHER a = 1 | line 1:16 no viable alternative at input 'WHER' (SELECT * FROM [t] WHER...)",
    "SELECT * FROM | line 0:-1 no viable alternative at input '<EOF>'",
    "CREATE TABL t (k int PRIMARY KEY) | line 1:7 no viable alternative at input 'TABL' ([CREATE] TABL...)",
    "CREATE TABLE t (select int PRIMARY KEY) | line 1:16 no viable alternative at input 'select' (CREATE TABLE t ([select]...)",
    "INSERT INTO t (a) (1) | line 1:18 mismatched input '(' expecting K_VALUES (INSERT INTO t (a) [(]...)",
    "INSERT INTO t (a) VALUES (1 | line 0:-1 mismatched input '<EOF>' expecting ')'",
    "INSERT INTO t (a VALUES (1) | line 1:17 mismatched input 'VALUES' expecting ')' (INSERT INTO t (a [VALUES]...)",
    "'' | line 0:-1 no viable alternative at input '<EOF>'",
    "LIST FOO | line 1:5 no viable alternative at input 'FOO' ([LIST] FOO)",
    "GRANT ( TO r | line 1:6 no viable alternative at input '(' ([GRANT] (...)",
    "; | line 1:0 no viable alternative at input ';' ([;])",
    "INSERT INTO t (a) VALUES (1) IF EXISTS | line 1:32 mismatched input 'EXISTS' expecting K_NOT (...) VALUES (1) IF [EXISTS])",
    "DROP TABLE IF t | line 1:14 mismatched input 't' expecting K_EXISTS (DROP TABLE IF [t])",
    "INSERT INTO t | line 0:-1 no viable alternative at input '<EOF>'",
    "BEGIN BATCH SELECT * FROM t APPLY BATCH | line 1:12 mismatched input 'SELECT' expecting K_APPLY (BEGIN BATCH [SELECT]...)",
    "DELETE ( FROM t | line 1:7 mismatched input '(' expecting K_FROM (DELETE [(]...)",
    "CREATE INDEX ( ON t (v) | line 1:13 mismatched input '(' expecting K_ON (CREATE INDEX [(]...)",
    "SELECT * FROM t WHERE name = john AND x = 1 | line 1:34 no viable alternative at input 'AND' (...FROM t WHERE name = [john] AND...)",
    "SELECT * FROM t WHERE name = john | line 0:-1 no viable alternative at input '<EOF>'",
    "SELECT * FROM t WHERE a b | line 1:24 no viable alternative at input 'b' (SELECT * FROM t WHERE [a] b)",
  })
  void should_word_parser_errors_like_cassandra(String cql, String message) {
    assertThatThrownBy(() -> CqlParser.parse(cql))
        .isInstanceOf(CqlException.class)
        .hasMessage(message)
        .extracting(e -> ((CqlException) e).code())
        .isEqualTo(ErrorCode.SYNTAX_ERROR);
  }

  @Test
  void should_report_lexer_error_when_string_is_unterminated() {
    assertThatThrownBy(() -> CqlParser.parse("SELECT * FROM t WHERE a = 'abc"))
        .hasMessage("line 1:30 mismatched character '<EOF>' expecting '''");
  }

  @Test
  void should_count_lines_when_error_is_on_a_later_line() {
    assertThatThrownBy(() -> CqlParser.parse("SELECT *\nFROM t\nWHERE a == 1"))
        .hasMessageStartingWith("line 3:9 no viable alternative at input '='");
  }

  @Test
  void should_join_lines_without_newlines_when_snippet_spans_lines() {
    assertThatThrownBy(() -> CqlParser.parse("SELECT *\nFORM t"))
        .hasMessage("line 2:0 mismatched input 'FORM' expecting K_FROM (SELECT *[FORM]...)");
  }

  @Test
  void should_refuse_bind_markers_as_names() {
    assertThatThrownBy(() -> CqlParser.parse("USE ?")).hasMessage("Bind variables cannot be used for keyspace names");
    assertThatThrownBy(() -> CqlParser.parse("SELECT * FROM ?")).hasMessage("Bind variables cannot be used for table names");
    assertThatThrownBy(() -> CqlParser.parse("SELECT * FROM ?.t")).hasMessage("Bind variables cannot be used for keyspace names");
  }

  @Test
  void should_refuse_reserved_type_names() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE TYPE byte (a int)")).hasMessage("Invalid (reserved) user type name byte");
  }

  @Test
  void should_refuse_quoted_user_names() {
    assertThatThrownBy(() -> CqlParser.parse("CREATE USER \"bob\""))
        .hasMessage("Quoted strings are are not supported for user names and USER is deprecated, please use ROLE");
  }

  @Test
  void should_refuse_reserved_keyword_unless_quoted() {
    assertThatThrownBy(() -> CqlParser.parse("SELECT from FROM t")).isInstanceOf(CqlException.class);
    org.assertj.core.api.Assertions.assertThat(CqlParser.parse("SELECT \"from\" FROM t")).isNotNull();
  }
}
