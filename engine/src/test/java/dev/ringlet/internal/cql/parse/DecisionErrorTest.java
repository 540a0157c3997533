package dev.ringlet.internal.cql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where Cassandra's ANTLR parser fails inside a decision (an optional clause, a loop, a choice
 * between alternatives) rather than on a single expected token: "no viable alternative", the
 * snippet highlighting the token where the decision started. Messages recorded from Cassandra 5.0.
 */
class DecisionErrorTest {

  /** The loop after a term exits only before a token that can follow a term anywhere. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SELECT * FROM t WHERE k = 1 extra | line 1:28 no viable alternative at input 'extra' (...t WHERE k = 1 [extra])",
    "SELECT * FROM t WHERE a = 1 AND b = 1 OR c = 1 | line 1:38 no viable alternative at input 'OR' (...1 AND b = 1 [OR]...)",
    "DELETE FROM t WHERE k = 1 AND c = 1 USING TTL 10 | line 1:36 no viable alternative at input 'USING' (...1 AND c = 1 [USING]...)",
    "INSERT INTO t (k, v) VALUES (1, 'a' USING TTL 10 | line 1:36 no viable alternative at input 'USING' (...) VALUES (1, 'a' [USING]...)",
    "INSERT INTO t (k, d) VALUES (1, 1x) | line 1:33 no viable alternative at input 'x' (...d) VALUES (1, 1[x]...)",
    "INSERT INTO t (a) VALUES (1 2) | line 1:28 no viable alternative at input '2' (... (a) VALUES (1 [2]...)",
    "INSERT INTO t (a, b) VALUES (1, [1, 2 3]) | line 1:38 no viable alternative at input '3' (...(1, [1, 2 [3]...)",
    "INSERT INTO t (a, b) VALUES (1, {1: 2 3}) | line 1:38 no viable alternative at input '3' (...(1, {1: 2 [3]...)",
    "INSERT INTO t (a, b) VALUES (1, f(1 2)) | line 1:36 no viable alternative at input '2' (...VALUES (1, f(1 [2]...)",
    "UPDATE t SET v = 1 extra WHERE k = 1 | line 1:19 no viable alternative at input 'extra' (...t SET v = 1 [extra]...)",
    "UPDATE t SET v = 1 WHERE k = 1 IF v = 1 extra | line 1:40 no viable alternative at input 'extra' (...1 IF v = 1 [extra])",
    "SELECT * FROM t WHERE k = 0xg | line 1:28 no viable alternative at input 'g' (... t WHERE k = 0x[g])",
    "SELECT * FROM t WHERE k = 1 + x | line 0:-1 no viable alternative at input '<EOF>' (...t WHERE k = 1 [+] x)",
    "SELECT * FROM t WHERE k = 1 + + 1 | line 1:30 no viable alternative at input '+' (...t WHERE k = 1 [+] +...)",
    "SELECT * FROM t WHERE k = 1 + ) | line 1:30 no viable alternative at input ')' (...t WHERE k = 1 [+] ))",
    "UPDATE t SET l = [1] + l extra | line 1:25 no viable alternative at input 'extra' (...SET l = [1] [+] l...)",
  })
  void should_fail_after_term_when_token_cannot_follow_a_term(String cql, String message) {
    assertSyntaxError(cql, message);
  }

  /** Decisions that look two or more tokens ahead highlight the token where they started. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SELECT k v FROM t | line 1:9 no viable alternative at input 'v' (SELECT [k] v...)",
    "SELECT k, v w FROM t | line 1:12 no viable alternative at input 'w' (SELECT k, [v] w...)",
    "SELECT a + b c FROM t | line 1:13 no viable alternative at input 'c' (SELECT a + [b] c...)",
    "SELECT k.f v FROM t | line 1:11 no viable alternative at input 'v' (SELECT [k].f...)",
    "SELECT \"k\" v FROM t | line 1:11 no viable alternative at input 'v' (SELECT [\"]k\" v...)",
    "SELECT * FROM t garbage | line 1:16 no viable alternative at input 'garbage' (SELECT * FROM [t] garbage)",
    "SELECT * FROM t WHER a = 1 | line 1:16 no viable alternative at input 'WHER' (SELECT * FROM [t] WHER...)",
    "TRUNCATE t extra | line 1:11 no viable alternative at input 'extra' (TRUNCATE [t] extra)",
    "DROP TABLE t extra | line 1:13 no viable alternative at input 'extra' (DROP TABLE [t] extra)",
    "DROP INDEX i extra | line 1:13 no viable alternative at input 'extra' (DROP INDEX [i] extra)",
    "UPDATE t SET v = 'x' WHERE k = 1 IF EXISTS AND v = 'x' | line 1:43 no viable alternative at input 'AND' (...WHERE k = 1 IF [EXISTS] AND...)",
    "DELETE FROM t WHERE k = 1 IF EXISTS extra | line 1:36 no viable alternative at input 'extra' (...WHERE k = 1 IF [EXISTS] extra)",
    "DELETE v x FROM t WHERE k = 1 | line 1:9 no viable alternative at input 'x' (DELETE [v] x...)",
    "ALTER TABLE t ADD v int extra | line 1:24 no viable alternative at input 'extra' (ALTER TABLE t ADD v [int] extra)",
    "CREATE TABLE t (k int PRIMARY KEY, v int extra) | line 1:41 no viable alternative at input 'extra' (... int PRIMARY KEY, v [int] extra...)",
    "SELECT * FROM t WHERE k = 1 GROUP BY k extra | line 1:39 no viable alternative at input 'extra' (...k = 1 GROUP BY [k] extra)",
    "SELECT * FROM t WHERE k = ? extra | line 1:28 no viable alternative at input 'extra' (...FROM t WHERE k = [?] extra)",
    "SELECT * FROM t WHERE k = f( WHERE | line 1:29 no viable alternative at input 'WHERE' (...FROM t WHERE k = [f]( ...)",
    "ALTER KEYSPACE ks WITH zz foo = 'bar' | line 1:26 no viable alternative at input 'foo' (ALTER KEYSPACE ks WITH [zz] foo...)",
    "CREATE TABLE t (k int, c int, PRIMARY KEY (k, c)) WITH CLUSTERING ) ORDER BY (c ASC) | line 1:66 no viable alternative at input ')' (...(k, c)) WITH [CLUSTERING] )...)",
    "CREATE TABLE t (k int PRIMARY KEY) WITH comment = ) | line 1:50 no viable alternative at input ')' (... int PRIMARY KEY) WITH [comment] =...)",
    "UPDATE t SET v ) = 'many' WHERE k IN (21, 22) | line 1:15 no viable alternative at input ')' (UPDATE t SET v [)]...)",
    "SELECT * FROM t WHERE k IN AND (1, 2) | line 1:27 no viable alternative at input 'AND' (SELECT * FROM t WHERE [k] IN...)",
    "SELECT JSON zz k FROM t | line 1:12 no viable alternative at input 'zz' (SELECT [JSON] zz...)",
    "SELECT DISTINCT k AND FROM t | line 1:16 no viable alternative at input 'k' (SELECT [DISTINCT] k...)",
    "UPDATE t SET c = c AND + 1 WHERE k = 1 | line 1:19 no viable alternative at input 'AND' (UPDATE t SET c = [c] AND...)",
    "UPDATE t SET c = zz c + 1 WHERE k = 1 | line 1:20 no viable alternative at input 'c' (UPDATE t SET c = [zz] c...)",
    "SELECT * FROM t WHERE (c, d) > zz (1, 2) | line 1:31 no viable alternative at input 'zz' (... WHERE (c, d) [>] zz...)",
    "ALTER TABLE t DROP USING k | line 1:19 no viable alternative at input 'USING' (ALTER TABLE t [DROP] USING...)",
    "ALTER TABLE t ALTER v blob | line 1:22 no viable alternative at input 'blob' (ALTER TABLE t [ALTER] v...)",
    "SELECT * FROM ? t | line 1:16 no viable alternative at input 't' (SELECT * FROM [?] t)",
    "SELECT k, ? v FROM t | line 1:12 no viable alternative at input 'v' (SELECT k, [?] v...)",
    "SELECT * FROM t WHERE k = ( AND | line 1:28 no viable alternative at input 'AND' (...FROM t WHERE k = [(] AND)",
    "SELECT * FROM t WHERE k = (n + 1) | line 1:29 no viable alternative at input '+' (...FROM t WHERE k = [(]n ...)",
    "SELECT * FROM t WHERE k = (int 1 | line 1:31 no viable alternative at input '1' (...FROM t WHERE k = [(]int ...)",
    "SELECT * FROM t WHERE k = ('x' 2) | line 1:31 no viable alternative at input '2' (...FROM t WHERE k = [(]'x' ...)",
    "SELECT * FROM t WHERE k = (a, b) | line 1:28 no viable alternative at input ',' (...FROM t WHERE k = [(]a,...)",
  })
  void should_highlight_decision_start_when_look_ahead_fails(String cql, String message) {
    assertSyntaxError(cql, message);
  }

  /**
   * The snippet ends at the furthest token the parser has fetched: a failed one-token decision
   * fetched nothing past the token it failed on, a successful table-driven prediction fetched the
   * token after the last one it decided on (no snippet when that is the end of input).
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "SELECT FROM t | line 1:7 no viable alternative at input 'FROM' (SELECT [FROM]...)",
    "DELETE FROM WHERE k = 1 | line 1:12 no viable alternative at input 'WHERE' (DELETE FROM [WHERE]...)",
    "SELECT k ( FROM t | line 1:11 mismatched input 'FROM' expecting ')' (SELECT k ( [FROM]...)",
    "SELECT * FROM t WHERE k = 1 ) AND c = 2 | line 1:28 mismatched input ')' expecting EOF (...t WHERE k = 1 [)] AND...)",
    "SELECT * FROM t WHERE k = 1 ) | line 1:28 mismatched input ')' expecting EOF",
    "SELECT a, b, c ) FROM t | line 1:15 mismatched input ')' expecting K_FROM (SELECT a, b, c [)] FROM...)",
    "UPDATE t SET v = 'x' ) WHERE k = 1 | line 1:21 mismatched input ')' expecting K_WHERE (...t SET v = 'x' [)] WHERE...)",
    "CREATE TABLE t (k AND int PRIMARY KEY) | line 1:18 no viable alternative at input 'AND' (CREATE TABLE t (k [AND]...)",
    "SELECT * FROM t WHERE (c, d) zz > (1, 2) | line 1:29 no viable alternative at input 'zz' (... WHERE (c, d) [zz]...)",
    "SELECT * FROM t WHERE k = (n) | line 0:-1 no viable alternative at input '<EOF>'",
    "SELECT 1 k, v FROM t | line 1:9 mismatched input 'k' expecting K_FROM (SELECT 1 [k],...)",
    "SELECT 's' v FROM t | line 1:11 mismatched input 'v' expecting K_FROM (SELECT 's' [v] FROM...)",
    "SELECT ( * FROM t | line 1:9 no viable alternative at input '*' (SELECT ( [*] FROM...)",
    "SELECT [ * FROM t | line 1:9 mismatched input '*' expecting ']' (SELECT [ [*] FROM...)",
  })
  void should_end_snippet_at_last_fetched_token(String cql, String message) {
    assertSyntaxError(cql, message);
  }

  /** Outside decisions (after a one-token optional clause has exited) a failed match stays a mismatch. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "INSERT INTO t (a) VALUE (1) | line 1:18 mismatched input 'VALUE' expecting K_VALUES (INSERT INTO t (a) [VALUE]...)",
    "SELECT * FROM ks.t garbage | line 1:19 mismatched input 'garbage' expecting EOF (SELECT * FROM ks.t [garbage])",
    "SELECT * FROM t LIMIT 1 extra | line 1:24 mismatched input 'extra' expecting EOF (...* FROM t LIMIT 1 [extra])",
    "INSERT INTO t (a) VALUES (1) extra | line 1:29 mismatched input 'extra' expecting EOF (...(a) VALUES (1) [extra])",
    "SELECT * FROM t WHERE k = 1 ALLOW FILTERING extra | line 1:44 mismatched input 'extra' expecting EOF (...k = 1 ALLOW FILTERING [extra])",
    "CREATE TABLE t (k int, c int, AND PRIMARY KEY (k, c)) | line 1:30 mismatched input 'AND' expecting ')' (...k int, c int, [AND]...)",
    "SELECT * FROM t WHERE (c1, c2) IN ((1, 'a'), AND (3, 'c')) | line 1:45 mismatched input 'AND' expecting '(' (... ((1, 'a'), [AND]...)",
    "CREATE TABLE t (k int PRIMARY KEY, v SET text) | line 1:41 mismatched input 'text' expecting '<' (... PRIMARY KEY, v SET [text]...)",
    "SELECT [ v, w FROM t | line 1:14 mismatched input 'FROM' expecting ']' (SELECT [ v, w [FROM] t)",
  })
  void should_report_mismatch_when_no_decision_failed(String cql, String message) {
    assertSyntaxError(cql, message);
  }

  /** Eight hex digits and '-' commit the lexer to a UUID, which must then be complete. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "INSERT INTO t (k, u) VALUES (1, 123e4567-e89b-12d3-a456) | line 1:55 mismatched character ')' expecting '-'",
    "INSERT INTO t (k, u) VALUES (1, 123e4567-e89b-12d3-a456 | line 1:55 mismatched character '<EOF>' expecting '-'",
    "INSERT INTO t (k, u) VALUES (1, 12345678-12) | line 1:43 mismatched character ')' expecting set null",
    "INSERT INTO t (k, u) VALUES (1, 12345678-x) | line 1:41 mismatched character 'x' expecting set null",
    "INSERT INTO t (k, u) VALUES (1, 123e4567-e89b-12d3-a456-42661417400) | line 1:67 mismatched character ')' expecting set null",
    "INSERT INTO t (k, u) VALUES (1, 1234567-1234-1234-1234-123456789012) | line 1:39 no viable alternative at input '-1234' (...u) VALUES (1, 1234567[-1234]...)",
    "INSERT INTO t (k, u) VALUES (1, 12345678-1234-1234-1234-1234567890123) | line 1:68 no viable alternative at input '3' (...u) VALUES (1, 12345678-1234-1234-1234-123456789012[3]...)",
  })
  void should_report_lexer_error_when_uuid_is_incomplete(String cql, String message) {
    assertSyntaxError(cql, message);
  }

  /** Statements the look-ahead checks must still accept. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "UPDATE t SET l = [1] + l, a = 1 WHERE k = 1",
    "UPDATE t SET v = 1 WHERE k = 1 IF exists = 1",
    "BEGIN BATCH UPDATE t SET v = 1 WHERE k = 1 IF EXISTS INSERT INTO t (k) VALUES (1) APPLY BATCH",
    "SELECT * FROM t WHERE k = ? AND v = ? LIMIT ?",
    "CREATE TABLE t (k int PRIMARY KEY, v int.x)",
    "DELETE v[1], w.f FROM t WHERE k = 1",
    "SELECT JSON DISTINCT k FROM t",
    "SELECT json FROM t",
    "SELECT distinct, json FROM t",
    "CREATE TABLE t (k int PRIMARY KEY, v int,)",
    "UPDATE t SET c = c -1 WHERE k = 1",
  })
  void should_accept_statements_near_decision_boundaries(String cql) {
    assertThat(CqlParser.parse(cql)).isNotNull();
  }

  private static void assertSyntaxError(String cql, String message) {
    assertThatThrownBy(() -> CqlParser.parse(cql))
        .isInstanceOf(CqlException.class)
        .hasMessage(message)
        .extracting(e -> ((CqlException) e).code())
        .isEqualTo(ErrorCode.SYNTAX_ERROR);
  }
}
