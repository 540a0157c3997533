package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneInitialTokenOptionTest {

  @Test
  void should_give_the_node_the_listed_tokens() {
    StandaloneOptions o = StandaloneOptions.parse(List.of("--num-tokens", "2", "--initial-token", "-100,4611686018427387904"));
    assertThat(o.spec().datacenters().get(0).tokensOf(0)).containsExactly(-100L, 4611686018427387904L);
  }

  @Test
  void should_refuse_tokens_for_several_nodes_and_tokens_that_are_not_numbers() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--nodes", "3", "--initial-token", "1")))
        .hasMessageStartingWith("--initial-token gives one node its tokens");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--initial-token", "abc")))
        .hasMessage("token: 'abc' (expected: a Murmur3 token, a signed 64-bit decimal)");
  }
}
