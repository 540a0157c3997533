package dev.ringlet.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScenarioReaderTest {

  @Test
  void should_split_statements_at_semicolons_that_end_a_line_and_join_their_lines() {
    Scenario scenario = ScenarioReader.parse("s", String.join("\n",
        "-- a comment",
        "CREATE TABLE s.t (k int PRIMARY KEY,",
        "  v text);",
        "",
        "INSERT INTO s.t (k, v) VALUES (1, 'a;b');"));

    assertThat(scenario.statements()).extracting(ScenarioStatement::cql).containsExactly(
        "CREATE TABLE s.t (k int PRIMARY KEY, v text)",
        "INSERT INTO s.t (k, v) VALUES (1, 'a;b')");
    assertThat(scenario.statements()).extracting(ScenarioStatement::number).containsExactly(1, 2);
    assertThat(scenario.statements()).extracting(ScenarioStatement::line).containsExactly(2, 5);
  }

  @Test
  void should_apply_directives_to_the_next_statement_only() {
    Scenario scenario = ScenarioReader.parse("s", String.join("\n",
        "-- @paging 3",
        "-- @ignore-values id, t",
        "-- @consistency QUORUM",
        "SELECT * FROM s.t;",
        "SELECT * FROM s.u;"));

    Directives first = scenario.statements().get(0).directives();
    assertThat(first.pageSize()).isEqualTo(3);
    assertThat(first.ignoredColumns()).isEqualTo(Set.of("id", "t"));
    assertThat(first.consistency()).isEqualTo("QUORUM");
    assertThat(scenario.statements().get(1).directives()).isEqualTo(Directives.NONE);
  }

  @Test
  void should_split_bind_literals_outside_quotes_and_brackets() {
    assertThat(ScenarioReader.splitLiterals("1, 'a, b', [1, 2], {'k': 'v'}, 'it''s'"))
        .containsExactly("1", "'a, b'", "[1, 2]", "{'k': 'v'}", "'it''s'");
    assertThat(ScenarioReader.splitLiterals("")).isEmpty();
    Scenario scenario = ScenarioReader.parse("s", "-- @bind\nSELECT * FROM s.t;");
    assertThat(scenario.statements().get(0).directives().bindValues()).isEqualTo(List.of());
  }

  @Test
  void should_expand_integer_ranges_in_bind_literals() {
    assertThat(ScenarioReader.expandRange("{1..4}")).isEqualTo("{1, 2, 3, 4}");
    assertThat(ScenarioReader.expandRange("[ -1 .. 1 ]")).isEqualTo("[-1, 0, 1]");
    assertThat(ScenarioReader.expandRange("{2..1}")).isEqualTo("{}");
    assertThat(ScenarioReader.expandRange("{1, 2}")).isEqualTo("{1, 2}");
    assertThat(ScenarioReader.expandRange("'{1..2}'")).isEqualTo("'{1..2}'");
  }

  @Test
  void should_reject_unknown_directives_and_unterminated_statements_with_the_line() {
    assertThatThrownBy(() -> ScenarioReader.parse("s", "-- @pagin 3\nSELECT 1;"))
        .hasMessageContaining("s.cql:1: unknown directive @pagin");
    assertThatThrownBy(() -> ScenarioReader.parse("s", "SELECT 1;\nSELECT 2"))
        .hasMessageContaining("s.cql:2: statement does not end with ';'");
    assertThatThrownBy(() -> ScenarioReader.parse("s", "-- @paging 0\nSELECT 1;"))
        .hasMessageContaining("expected: a positive fetch size");
  }
}
