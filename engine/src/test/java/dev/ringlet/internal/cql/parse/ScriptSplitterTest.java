package dev.ringlet.internal.cql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptSplitterTest {

  @Test
  void should_split_on_semicolons_when_outside_literals_and_comments() {
    String script = "CREATE KEYSPACE ks WITH replication = {'class': 'x;y'};\n"
        + "-- a comment; with a semicolon\n"
        + "INSERT INTO \"we;ird\" (a) VALUES ('it''s; fine'); /* block; */\n"
        + "CREATE FUNCTION f() CALLED ON NULL INPUT RETURNS int LANGUAGE java AS $$ return 1; $$;";
    assertThat(CqlParser.splitScript(script)).containsExactly(
        "CREATE KEYSPACE ks WITH replication = {'class': 'x;y'}",
        "-- a comment; with a semicolon\nINSERT INTO \"we;ird\" (a) VALUES ('it''s; fine')",
        "/* block; */\nCREATE FUNCTION f() CALLED ON NULL INPUT RETURNS int LANGUAGE java AS $$ return 1; $$");
  }

  @Test
  void should_drop_pieces_when_they_hold_only_comments_or_whitespace() {
    assertThat(CqlParser.splitScript("  ;; -- only a comment\n /* and this */ ; SELECT 1 FROM t ")).containsExactly(
        "SELECT 1 FROM t");
  }

  @Test
  void should_keep_batch_whole_when_inner_statements_end_with_semicolons() {
    assertThat(CqlParser.splitScript(
            "begin unlogged batch INSERT INTO t (k) VALUES (1); INSERT INTO t (k) VALUES (2); apply batch; SELECT * FROM t;"))
        .containsExactly(
            "begin unlogged batch INSERT INTO t (k) VALUES (1); INSERT INTO t (k) VALUES (2); apply batch",
            "SELECT * FROM t");
  }

  @Test
  void should_keep_last_statement_when_it_has_no_semicolon() {
    assertThat(CqlParser.splitScript("USE ks; SELECT * FROM t")).containsExactly("USE ks", "SELECT * FROM t");
  }
}
