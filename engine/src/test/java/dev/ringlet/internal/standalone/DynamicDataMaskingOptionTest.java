package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dynamic data masking switch: off by default, on with the flag, part of the spec's identity. */
class DynamicDataMaskingOptionTest {

  @Test
  void should_leave_masking_off_by_default_and_enable_it_with_the_flag() {
    assertThat(StandaloneOptions.parse(List.of()).spec().dynamicDataMasking()).isFalse();
    StandaloneOptions on = StandaloneOptions.parse(List.of("--enable-dynamic-data-masking", "--port", "9043"));
    assertThat(on.spec().dynamicDataMasking()).isTrue();
    assertThat(on.spec().port()).isEqualTo(9043);
    assertThat(StandaloneOptions.USAGE).contains("--enable-dynamic-data-masking");
  }

  @Test
  void should_compare_specs_by_the_setting() {
    ClusterSpec on = ClusterSpec.defaults().withDynamicDataMasking(true);
    assertThat(on).isNotEqualTo(ClusterSpec.defaults()).isEqualTo(ClusterSpec.defaults().withDynamicDataMasking(true));
    assertThat(on.withDynamicDataMasking(false)).isEqualTo(ClusterSpec.defaults());
    assertThat(on.toString()).contains("dynamicDataMasking");
  }
}
