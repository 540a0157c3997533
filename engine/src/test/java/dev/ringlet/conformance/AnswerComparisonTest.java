package dev.ringlet.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerComparisonTest {

  private static final String CQL = "SELECT * FROM s.t WHERE";

  private static StatementAnswer answer(String... lines) {
    return new StatementAnswer(1, 10, CQL, List.of(lines));
  }

  @Test
  void should_find_no_difference_in_equal_answers() {
    List<StatementAnswer> golden = List.of(answer("rows", "columns: k int (from s.t)", "row: 1"));

    assertThat(AnswerComparison.compare("s", golden, golden, KnownDifferences.none())).isEmpty();
  }

  @Test
  void should_show_the_lines_that_differ() {
    List<StatementAnswer> golden = List.of(answer("error: SyntaxError 0x2000", "message: line 1:23 no viable alternative"));
    List<StatementAnswer> actual = List.of(answer("error: SyntaxError 0x2000", "message: unexpected end of input"));

    List<String> problems = AnswerComparison.compare("s", golden, actual, KnownDifferences.none());

    assertThat(problems).singleElement().asString()
        .contains("#1 (line 10): " + CQL)
        .contains("\n        error: SyntaxError 0x2000")
        .contains("\n      - message: line 1:23 no viable alternative")
        .contains("\n      + message: unexpected end of input");
  }

  @Test
  void should_compare_only_the_error_line_for_an_error_code_entry() {
    KnownDifferences known = KnownDifferences.parse("s:1 error-code the parser words syntax errors differently\n");
    List<StatementAnswer> golden = List.of(answer("error: SyntaxError 0x2000", "message: a"));

    assertThat(AnswerComparison.compare("s", golden, List.of(answer("error: SyntaxError 0x2000", "message: b")), known))
        .isEmpty();
    assertThat(AnswerComparison.compare("s", golden, List.of(answer("error: InvalidQueryException 0x2200", "message: a")), known))
        .hasSize(1);
    assertThat(AnswerComparison.compare("s", golden, List.of(answer("ok")), known)).hasSize(1);
  }

  @Test
  void should_keep_the_bind_variables_of_a_prepared_statement_for_an_error_code_entry() {
    KnownDifferences known = KnownDifferences.parse("s:1 error-code the message quotes the bound value differently\n");
    List<StatementAnswer> golden = List.of(answer("variables: k int (from s.t)", "error: InvalidQueryException 0x2200", "message: a"));

    assertThat(AnswerComparison.compare("s", golden,
        List.of(answer("variables: k int (from s.t)", "error: InvalidQueryException 0x2200", "message: b")), known))
        .isEmpty();
    assertThat(AnswerComparison.compare("s", golden,
        List.of(answer("variables: k bigint (from s.t)", "error: InvalidQueryException 0x2200", "message: a")), known))
        .hasSize(1);
  }

  @Test
  void should_ignore_only_warnings_for_an_ignore_warnings_entry() {
    KnownDifferences known = KnownDifferences.parse("s:1 ignore-warnings batch sizes are computed differently\n");
    List<StatementAnswer> golden = List.of(answer("ok", "warning: Batch for [s.t] is of size 6140"));

    assertThat(AnswerComparison.compare("s", golden, List.of(answer("ok")), known)).isEmpty();
    assertThat(AnswerComparison.compare("s", golden, List.of(answer("rows")), known)).hasSize(1);
  }

  @Test
  void should_report_a_stale_golden_file() {
    List<StatementAnswer> golden = List.of(answer("ok"));
    List<StatementAnswer> changed = List.of(new StatementAnswer(1, 10, "SELECT 2", List.of("ok")));

    assertThat(AnswerComparison.compare("s", golden, List.of(), KnownDifferences.none()))
        .singleElement().asString().contains("golden file is stale");
    assertThat(AnswerComparison.compare("s", golden, changed, KnownDifferences.none()))
        .singleElement().asString().contains("golden file is stale");
  }
}
