package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read_thresholds_enabled switch: off by default (as the reference yaml), on with the flag, part of the spec's identity. */
class ReadThresholdsOptionTest {

  @Test
  void should_leave_read_thresholds_off_by_default_and_enable_them_with_the_flag() {
    assertThat(StandaloneOptions.parse(List.of()).spec().readThresholdsEnabled()).isFalse();
    StandaloneOptions on = StandaloneOptions.parse(List.of("--read-thresholds-enabled", "--port", "9043"));
    assertThat(on.spec().readThresholdsEnabled()).isTrue();
    assertThat(on.spec().port()).isEqualTo(9043);
    assertThat(StandaloneOptions.USAGE).contains("--read-thresholds-enabled");
  }

  @Test
  void should_compare_specs_by_the_setting() {
    ClusterSpec on = ClusterSpec.defaults().withReadThresholdsEnabled(true);
    assertThat(on).isNotEqualTo(ClusterSpec.defaults()).isEqualTo(ClusterSpec.defaults().withReadThresholdsEnabled(true));
    assertThat(on.withReadThresholdsEnabled(false)).isEqualTo(ClusterSpec.defaults());
    assertThat(on.toString()).contains("readThresholdsEnabled");
  }
}
