package dev.ringlet.internal.coordinator;

/**
 * Cassandra's {@code tombstone_warn_threshold} (default 1,000) and
 * {@code tombstone_failure_threshold} (default 100,000): a read that scans more tombstones than
 * the first earns a warning, more than the second fails on the replica (READ_FAILURE with reason
 * READ_TOO_MANY_TOMBSTONES). Local system keyspaces are exempt, as in Cassandra.
 *
 * @param trackWarnings {@code read_thresholds_enabled}: the coordinator gathers what each replica
 *     of a command scanned past the thresholds and answers one aggregated warning per command
 *     (5.0's {@code CoordinatorWarnings}), instead of its own replica's warning
 */
public record ReadThresholds(int warnTombstones, int failTombstones, boolean trackWarnings) {

  public static final ReadThresholds DEFAULTS = new ReadThresholds(1_000, 100_000, false);

  /** Thresholds without {@code read_thresholds_enabled} (5.0's default). */
  public ReadThresholds(int warnTombstones, int failTombstones) {
    this(warnTombstones, failTombstones, false);
  }

  public ReadThresholds {
    if (warnTombstones < 1 || failTombstones < 1) {
      throw new IllegalArgumentException("tombstone thresholds: " + warnTombstones + ", " + failTombstones
          + " (expected: positive)");
    }
  }

  /** Whether reads of the keyspace count tombstones at all (not the node-local system keyspaces). */
  static boolean applies(String keyspace) {
    return !dev.ringlet.internal.exec.ddl.SystemNames.isSystem(keyspace);
  }
}
