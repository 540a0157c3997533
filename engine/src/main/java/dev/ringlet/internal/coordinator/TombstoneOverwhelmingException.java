package dev.ringlet.internal.coordinator;

/**
 * A replica scanned more tombstones than {@code tombstone_failure_threshold} and gave up the read,
 * as Cassandra's TombstoneOverwhelmingException. A remote replica answers it as a failure whose
 * text starts with the reason ({@code READ_TOO_MANY_TOMBSTONES 100001}); the coordinator turns it
 * into a READ_FAILURE.
 */
final class TombstoneOverwhelmingException extends RuntimeException {

  private final int tombstones;

  TombstoneOverwhelmingException(int tombstones) {
    super(dev.ringlet.internal.cluster.FailureReason.READ_TOO_MANY_TOMBSTONES.name() + " " + tombstones, null, false, false);
    this.tombstones = tombstones;
  }

  int tombstones() {
    return tombstones;
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
