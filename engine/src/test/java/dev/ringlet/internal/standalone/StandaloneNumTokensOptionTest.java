package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --num-tokens}, which the container image maps from {@code CASSANDRA_NUM_TOKENS}. */
class StandaloneNumTokensOptionTest {

  @Test
  void should_default_to_the_spec_default_and_accept_both_option_forms() {
    assertThat(StandaloneOptions.parse(List.of()).spec().numTokens()).isEqualTo(ClusterSpec.DEFAULT_NUM_TOKENS);
    assertThat(StandaloneOptions.parse(List.of("--num-tokens", "4")).spec().numTokens()).isEqualTo(4);
    assertThat(StandaloneOptions.parse(List.of("--num-tokens=256")).spec().numTokens()).isEqualTo(256);
  }

  @Test
  void should_refuse_values_that_are_not_a_token_count() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--num-tokens", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--num-tokens: many (expected: a number 1-256)");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--num-tokens", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("numTokens: 0 (expected: 1-256)");
  }
}
