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
  void should_name_the_line_of_a_malformed_block() {
    assertThatThrownBy(() -> GoldenFile.parse("s.golden", "# header\n\nnot a header\n"))
        .hasMessageContaining("s.golden:3: not a header");
  }
}
