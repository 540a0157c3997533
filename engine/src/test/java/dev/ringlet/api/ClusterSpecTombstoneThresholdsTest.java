package dev.ringlet.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterSpecTombstoneThresholdsTest {

  @Test
  void should_default_to_cassandras_thresholds() {
    assertThat(ClusterSpec.defaults().tombstoneWarnThreshold()).isEqualTo(1_000);
    assertThat(ClusterSpec.defaults().tombstoneFailureThreshold()).isEqualTo(100_000);
    assertThat(ClusterSpec.defaults().toString()).doesNotContain("tombstoneThresholds");
  }

  @Test
  void should_tell_specs_apart_by_thresholds_and_refuse_non_positive_ones() {
    ClusterSpec small = ClusterSpec.defaults().withTombstoneThresholds(10, 100);
    assertThat(small.tombstoneWarnThreshold()).isEqualTo(10);
    assertThat(small.tombstoneFailureThreshold()).isEqualTo(100);
    assertThat(small).isNotEqualTo(ClusterSpec.defaults()).isEqualTo(ClusterSpec.defaults().withTombstoneThresholds(10, 100));
    assertThat(small.toString()).contains("tombstoneThresholds=10/100");
    assertThatThrownBy(() -> ClusterSpec.defaults().withTombstoneThresholds(0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tombstone thresholds: warn 0, fail 100 (expected: positive)");
  }
}
