package dev.ringlet.internal.coordinator;

/**
 * A replica scanned more tombstones than {@code tombstone_failure_threshold} and gave up the read,
 * as Cassandra's TombstoneOverwhelmingException. A remote replica answers it as a failure whose
 * text starts with the reason ({@code READ_TOO_MANY_TOMBSTONES 100001}); the coordinator turns it
 * into a READ_FAILURE.
 */
final class TombstoneOverwhelmingException extends RuntimeException {

  private final int tombstones;
  private final int liveRows;
  private final long lastToken;

  /**
   * The read gave up at its {@code tombstones}-th tombstone, having read {@code liveRows} live rows,
   * last in the partition of {@code lastToken} (what the coordinator's own replica warns about; a
   * remote replica's answer carries the tombstones only).
   */
  TombstoneOverwhelmingException(int tombstones, int liveRows, long lastToken) {
    super(dev.ringlet.internal.cluster.FailureReason.READ_TOO_MANY_TOMBSTONES.name() + " " + tombstones, null, false, false);
    this.tombstones = tombstones;
    this.liveRows = liveRows;
    this.lastToken = lastToken;
  }

  int tombstones() {
    return tombstones;
  }

  /** The live rows the read had read when it gave up. */
  int liveRows() {
    return liveRows;
  }

  /** The token of the partition the read gave up in. */
  long lastToken() {
    return lastToken;
  }

  /** What the read scanned until it gave up, as the coordinator's own replica's warning says it. */
  dev.ringlet.internal.exec.ScannedTombstones.Scanned scanned() {
    return new dev.ringlet.internal.exec.ScannedTombstones.Scanned(liveRows, tombstones, lastToken);
  }

  /** The tombstone count a replica's failure text gives, or -1 when it names another reason. */
  static int tombstonesOf(Object failureText) {
    if (failureText instanceof String s && s.startsWith(dev.ringlet.internal.cluster.FailureReason.READ_TOO_MANY_TOMBSTONES.name() + " ")) {
      try {
        return Integer.parseInt(s.substring(s.indexOf(' ') + 1).strip());
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return -1;
  }
}
