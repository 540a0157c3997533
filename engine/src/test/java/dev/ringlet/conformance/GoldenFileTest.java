package dev.ringlet.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoldenFileTest {

  @Test
  void should_read_back_what_it_writes() {
    List<StatementAnswer> answers = List.of(
        new StatementAnswer(1, 3, "CREATE TABLE s.t (k int PRIMARY KEY)", List.of("ok")),
        new StatementAnswer(2, 4, "SELECT k FROM s.t", List.of("rows", "columns: k int (from s.t)", "row: 1")),
        new StatementAnswer(3, 6, "SELECT nope FROM s.t",
            List.of("error: InvalidQueryException 0x2200", "message: Undefined column name nope")));

    String text = GoldenFile.render("s", "Apache Cassandra 5.0.9", answers);

    assertThat(text).startsWith("# Golden answers of scenario s, recorded from Apache Cassandra 5.0.9.");
    assertThat(GoldenFile.parse("s.golden", text)).isEqualTo(answers);
  }

  @Test
  void should_mark_new_files_as_recording_error_warnings_and_not_old_ones() {
    String text = GoldenFile.render("s", "Apache Cassandra 5.0.9", List.of());
    String old = "# Golden answers of scenario s, recorded from Apache Cassandra 5.0.9.\n"
        + "# Written by GoldenRecorder (tools/record-golden.sh); do not edit by hand.\n";

    assertThat(GoldenFile.recordsErrorWarnings(text)).isTrue();
    assertThat(GoldenFile.recordsErrorWarnings(old)).isFalse();
  }

  @Test
  void should_drop_only_the_warnings_of_an_error_for_old_files() {
    StatementAnswer error = new StatementAnswer(1, 2, "SELECT count(*) FROM s.t",
        List.of("error: UnavailableException 0x1000", "message: Not enough replicas",
            "warning: Aggregation query used without partition key"));
    StatementAnswer rows = new StatementAnswer(2, 3, "SELECT count(*) FROM s.t",
        List.of("rows", "columns: count bigint", "row: 0", "warning: Aggregation query used without partition key"));

    assertThat(GoldenFile.withoutErrorWarnings(error).lines())
        .containsExactly("error: UnavailableException 0x1000", "message: Not enough replicas");
    assertThat(GoldenFile.withoutErrorWarnings(rows)).isEqualTo(rows);
  }

  @Test
  void should_name_the_line_of_a_malformed_block() {
    assertThatThrownBy(() -> GoldenFile.parse("s.golden", "# header\n\nnot a header\n"))
        .hasMessageContaining("s.golden:3: not a header");
  }
}
