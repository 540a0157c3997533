package dev.ringlet.bench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArgsTest {

  @Test
  void should_read_values_flags_and_defaults() {
    Args args = new Args(List.of("--requests", "1_000", "--start-cassandra", "--targets=noop"));

    assertThat(args.integer("requests", 5, 1)).isEqualTo(1000);
    assertThat(args.flag("start-cassandra")).isTrue();
    assertThat(args.string("targets", "x")).isEqualTo("noop");
    assertThat(args.integer("warmup", 7, 0)).isEqualTo(7);
    args.requireAllUsed();
  }

  @Test
  void should_reject_an_option_no_command_reads() {
    Args args = new Args(List.of("--requets", "10"));
    args.integer("requests", 5, 1);

    assertThatThrownBy(args::requireAllUsed).hasMessageContaining("unknown option(s): [requets]");
  }

  @Test
  void should_name_the_value_and_the_expectation_when_out_of_range() {
    Args args = new Args(List.of("--requests", "0"));

    assertThatThrownBy(() -> args.integer("requests", 5, 1)).hasMessage("--requests: 0 (expected: >= 1)");
  }
}
