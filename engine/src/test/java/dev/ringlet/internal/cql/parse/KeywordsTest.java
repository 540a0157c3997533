package dev.ringlet.internal.cql.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KeywordsTest {

  @ParameterizedTest
  @ValueSource(strings = {"key", "KEYS", "type", "ttl", "writetime", "maxwritetime", "count", "filtering",
      "values", "static", "frozen", "list", "map", "json", "distinct", "cast", "text", "timestamp", "date",
      "options", "login", "password", "role", "user", "custom", "exists", "contains", "like", "partition",
      "group", "ann", "vector", "masked", "access", "function", "language", "input", "replace", "default"})
  void should_accept_unreserved_keyword_when_used_as_column_name(String word) {
    Statement.CreateTable t = (Statement.CreateTable) CqlParser.parse("CREATE TABLE " + word + " (" + word + " int PRIMARY KEY)");
    assertThat(t.table().name()).isEqualTo(word.toLowerCase());
    assertThat(t.partitionKey()).containsExactly(word.toLowerCase());
  }

  @ParameterizedTest
  @ValueSource(strings = {"select", "from", "where", "and", "token", "table", "keyspace", "set",
      "limit", "order", "by", "null", "not", "in", "is", "if", "to", "of", "on", "use", "with", "using",
      "describe", "modify", "nan", "infinity", "entries", "full", "materialized", "view", "apply", "begin"})
  void should_refuse_reserved_keyword_when_used_unquoted_as_column_name(String word) {
    assertThatThrownBy(() -> CqlParser.parse("CREATE TABLE t (" + word + " int PRIMARY KEY)"))
        .hasMessageContaining("no viable alternative at input '" + word + "'");
    assertThat(CqlParser.parse("CREATE TABLE t (\"" + word + "\" int PRIMARY KEY)")).isNotNull();
  }
}
