package dev.ringlet.bench.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SuiteResetTest {

  @Test
  void should_reset_in_the_engine_by_default_only_where_the_server_runs_in_this_jvm() {
    assertThat(SuiteReset.parse("auto").resolve(true)).isEqualTo(SuiteReset.CLUSTER);
    assertThat(SuiteReset.parse("auto").resolve(false)).isEqualTo(SuiteReset.TRUNCATE);
  }

  @Test
  void should_keep_an_explicit_choice() {
    assertThat(SuiteReset.parse("TRUNCATE").resolve(true)).isEqualTo(SuiteReset.TRUNCATE);
    assertThat(SuiteReset.parse("cluster").resolve(true)).isEqualTo(SuiteReset.CLUSTER);
    assertThat(SuiteReset.parse("truncate-concurrent").resolve(true)).isEqualTo(SuiteReset.TRUNCATE_CONCURRENT);
  }

  @Test
  void should_name_the_option_and_the_choices_when_the_value_is_unknown() {
    assertThatThrownBy(() -> SuiteReset.parse("drop"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--reset: drop (expected: auto, truncate, truncate-concurrent or cluster)");
    assertThatThrownBy(() -> SuiteSetup.parse("extension"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--setup: extension (expected: tests or script)");
    assertThat(SuiteSetup.parse("script")).isEqualTo(SuiteSetup.SCRIPT);
  }
}
