package dev.ringlet.api;

/**
 * Cassandra 5.0's {@code user_function_timeout_policy}: what follows a user-defined function call
 * that ran past its fail timeout (see {@link ClusterSpec#withUserDefinedFunctionTimeouts}). In
 * every case the call fails with a {@code FUNCTION_FAILURE} whose message names the timeout.
 *
 * <p>Cassandra stops its JVM for {@link #DIE} and {@link #DIE_IMMEDIATE}, and its message says so
 * ("... ran longer than 1500ms - will stop Cassandra VM"); Ringlet gives the same message but
 * never stops the JVM or the node: it stops the function's thread at the body's next loop
 * iteration instead, whatever the policy.
 */
public enum UserFunctionTimeoutPolicy {
  /** Cassandra's default: the failure says "- will stop Cassandra VM" (Cassandra stops 250 ms later). */
  DIE,
  /** The failure says "- will stop Cassandra VM" (Cassandra stops at once). */
  DIE_IMMEDIATE,
  /** The call only fails; the message has no suffix. */
  IGNORE
}
