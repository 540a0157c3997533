package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cassandra's {@code tombstone_warn_threshold} and {@code tombstone_failure_threshold} as server flags. */
class TombstoneThresholdOptionsTest {

  @Test
  void should_keep_cassandras_defaults_without_the_flags() {
    ClusterSpec spec = StandaloneOptions.parse(List.of()).spec();

    assertThat(spec.tombstoneWarnThreshold()).isEqualTo(1_000);
    assertThat(spec.tombstoneFailureThreshold()).isEqualTo(100_000);
  }

  @Test
  void should_take_either_threshold_from_its_flag() {
    ClusterSpec both = StandaloneOptions.parse(List.of("--tombstone-warn-threshold", "10",
        "--tombstone-failure-threshold=50")).spec();
    ClusterSpec warnOnly = StandaloneOptions.parse(List.of("--tombstone-warn-threshold", "10")).spec();

    assertThat(both.tombstoneWarnThreshold()).isEqualTo(10);
    assertThat(both.tombstoneFailureThreshold()).isEqualTo(50);
    assertThat(warnOnly.tombstoneWarnThreshold()).isEqualTo(10);
    assertThat(warnOnly.tombstoneFailureThreshold()).isEqualTo(100_000);
    assertThat(StandaloneOptions.USAGE).contains("--tombstone-warn-threshold", "--tombstone-failure-threshold");
  }

  @Test
  void should_refuse_thresholds_that_are_not_positive_naming_both_flags() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--tombstone-failure-threshold", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--tombstone-warn-threshold: 1000, --tombstone-failure-threshold: 0 (expected: positive)");
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--tombstone-warn-threshold", "many")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--tombstone-warn-threshold: many (expected: a number)");
  }
}
