package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The materialized views switch: off by default, on with the flag, part of the spec's identity. */
class MaterializedViewsOptionTest {

  @Test
  void should_leave_views_off_by_default_and_enable_them_with_the_flag() {
    assertThat(StandaloneOptions.parse(List.of()).spec().materializedViews()).isFalse();
    StandaloneOptions on = StandaloneOptions.parse(List.of("--enable-materialized-views", "--port", "9043"));
    assertThat(on.spec().materializedViews()).isTrue();
    assertThat(on.spec().port()).isEqualTo(9043);
    assertThat(StandaloneOptions.USAGE).contains("--enable-materialized-views");
  }

  @Test
  void should_compare_specs_by_the_setting() {
    ClusterSpec on = ClusterSpec.defaults().withMaterializedViews(true);
    assertThat(on).isNotEqualTo(ClusterSpec.defaults()).isEqualTo(ClusterSpec.defaults().withMaterializedViews(true));
    assertThat(on.withMaterializedViews(false)).isEqualTo(ClusterSpec.defaults());
    assertThat(on.toString()).contains("materializedViews");
  }
}
