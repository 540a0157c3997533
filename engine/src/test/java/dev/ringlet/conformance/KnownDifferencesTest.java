package dev.ringlet.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class KnownDifferencesTest {

  @Test
  void should_parse_entries_and_skip_comments() {
    KnownDifferences known = KnownDifferences.parse(
        "# comment\n\nselect_basics:12  error-code  ANTLR wording of syntax errors\n");

    assertThat(known.find("select_basics", 12)).hasValueSatisfying(entry -> {
      assertThat(entry.leniency()).isEqualTo(Leniency.ERROR_CODE);
      assertThat(entry.reason()).isEqualTo("ANTLR wording of syntax errors");
    });
    assertThat(known.find("select_basics", 13)).isEmpty();
  }

  @Test
  void should_require_a_reason_a_known_leniency_and_no_duplicates() {
    assertThatThrownBy(() -> KnownDifferences.parse("s:1 error-code\n"))
        .hasMessageContaining("known-differences.txt:1");
    assertThatThrownBy(() -> KnownDifferences.parse("s:1 whatever because\n"))
        .hasMessageContaining("leniency: whatever");
    assertThatThrownBy(() -> KnownDifferences.parse("s:1 skip a\ns:1 skip b\n"))
        .hasMessageContaining("listed twice");
  }
}
