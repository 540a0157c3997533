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

  @Test
  void should_take_cassandras_udf_timeouts_and_policy_from_flags() {
    ClusterSpec defaults = StandaloneOptions.parse(List.of()).spec();
    assertThat(defaults.userDefinedFunctionWarnTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(defaults.userDefinedFunctionFailTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
    assertThat(defaults.userFunctionTimeoutPolicy()).isEqualTo(dev.ringlet.api.UserFunctionTimeoutPolicy.DIE);

    ClusterSpec set = StandaloneOptions.parse(List.of("--user-defined-functions-warn-timeout", "2000",
        "--user-defined-functions-fail-timeout=5000", "--user-function-timeout-policy", "ignore")).spec();
    assertThat(set.userDefinedFunctionWarnTimeout()).isEqualTo(java.time.Duration.ofMillis(2000));
    assertThat(set.userDefinedFunctionFailTimeout()).isEqualTo(java.time.Duration.ofMillis(5000));
    assertThat(set.userFunctionTimeoutPolicy()).isEqualTo(dev.ringlet.api.UserFunctionTimeoutPolicy.IGNORE);
    assertThat(set).isNotEqualTo(defaults);
    assertThat(set.toString()).contains("userDefinedFunctionTimeouts=2000/5000ms", "userFunctionTimeoutPolicy=IGNORE");
    assertThat(StandaloneOptions.USAGE).contains("--user-defined-functions-fail-timeout");
  }

  @Test
  void should_refuse_timeouts_out_of_order_and_unknown_policies() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandaloneOptions.parse(
        List.of("--user-defined-functions-warn-timeout", "3000")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warn <= fail");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> StandaloneOptions.parse(
        List.of("--user-function-timeout-policy", "explode")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--user-function-timeout-policy: explode (expected: die, die_immediate or ignore)");
  }
}
