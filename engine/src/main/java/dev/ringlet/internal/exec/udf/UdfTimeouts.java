package dev.ringlet.internal.exec.udf;

import java.time.Duration;
import java.util.Objects;

/**
 * Cassandra 5.0's {@code user_defined_functions_warn_timeout} (a client warning when a function
 * call runs longer; zero: no warning), {@code user_defined_functions_fail_timeout} (the call fails)
 * and {@code user_function_timeout_policy}, validated once.
 */
public record UdfTimeouts(Duration warn, Duration fail, Policy policy) {

  /** 5.0's defaults: 500 ms, 1500 ms, {@code die}. */
  public static final UdfTimeouts DEFAULTS = new UdfTimeouts(Duration.ofMillis(500), Duration.ofMillis(1500), Policy.DIE);

  /**
   * What 5.0 does after a call timed out: {@code DIE} and {@code DIE_IMMEDIATE} stop the JVM (later
   * or at once) and say so in the failure ("- will stop Cassandra VM"), {@code IGNORE} only fails
   * the call. Ringlet never stops the JVM or the node: it stops the function's thread instead.
   */
  public enum Policy {
    DIE, DIE_IMMEDIATE, IGNORE
  }

  public UdfTimeouts {
    Objects.requireNonNull(policy, "policy");
    if (warn.isNegative() || fail.isNegative() || fail.isZero()) {
      throw new IllegalArgumentException("user-defined function timeouts: warn " + warn.toMillis() + " ms, fail "
          + fail.toMillis() + " ms (expected: warn >= 0, fail > 0)");
    }
    if (warn.compareTo(fail) > 0) {
      throw new IllegalArgumentException("user-defined function timeouts: warn " + warn.toMillis() + " ms, fail "
          + fail.toMillis() + " ms (expected: warn <= fail)");
    }
  }
}
