package dev.ringlet.internal.exec;

/**
 * A request's table source that counted what its reads scanned on the coordinator's own replica,
 * for the warning Cassandra attaches to the answer past {@code tombstone_warn_threshold}.
 */
public interface ScannedTombstones {

  /** Whether the reads scanned more tombstones than the warning threshold. */
  boolean overWarnThreshold();

  /** Live rows scanned. */
  int liveRows();

  /** Tombstones scanned. */
  int tombstones();

  /** The token of the last partition scanned. */
  long lastToken();
}
