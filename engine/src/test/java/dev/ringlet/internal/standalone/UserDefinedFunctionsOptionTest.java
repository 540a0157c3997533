package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.api.ClusterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The user-defined functions switch: off by default, on with the flag, part of the spec's identity. */
class UserDefinedFunctionsOptionTest {

  @Test
  void should_leave_udfs_off_by_default_and_enable_them_with_the_flag() {
    assertThat(StandaloneOptions.parse(List.of()).spec().userDefinedFunctions()).isFalse();
    StandaloneOptions on = StandaloneOptions.parse(List.of("--enable-user-defined-functions", "--port", "9043"));
    assertThat(on.spec().userDefinedFunctions()).isTrue();
    assertThat(on.spec().port()).isEqualTo(9043);
    assertThat(StandaloneOptions.USAGE).contains("--enable-user-defined-functions");
  }

  @Test
  void should_keep_the_setting_across_other_changes_and_compare_it() {
    ClusterSpec on = ClusterSpec.defaults().withUserDefinedFunctions(true).withPort(1234).withClusterName("c");
    assertThat(on.userDefinedFunctions()).isTrue();
    ClusterSpec off = on.withUserDefinedFunctions(false);
    assertThat(on).isNotEqualTo(off);
    assertThat(on.hashCode()).isNotEqualTo(off.hashCode());
    assertThat(on.toString()).contains("userDefinedFunctions");
    assertThat(off.toString()).doesNotContain("userDefinedFunctions");
    assertThat(off).isEqualTo(ClusterSpec.defaults().withPort(1234).withClusterName("c"));
  }
}
