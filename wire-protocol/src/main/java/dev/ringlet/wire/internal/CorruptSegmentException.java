package dev.ringlet.wire.internal;

/**
 * A v5 segment whose checksum does not match, or whose content cannot be an envelope stream. The
 * connection cannot be resynchronised: as Cassandra does, the server answers PROTOCOL_ERROR and
 * closes the connection (other connections are not affected).
 */
final class CorruptSegmentException extends RuntimeException {

  /**
   * A CRC mismatch, worded as Cassandra's {@code CQLMessageHandler} words it (the connection id is
   * added by {@link #messageFor}).
   *
   * @param part "header" (CRC24) or "body" (CRC32)
   */
  CorruptSegmentException(String part, int sent, int computed) {
    super("invalid, unrecoverable CRC mismatch detected in frame " + part + ". Read " + sent
        + ", Computed " + computed);
  }

  CorruptSegmentException(String message) {
    super(message);
  }

  /** The message Cassandra sends: its channel id, then what went wrong. */
  String messageFor(String connectionId) {
    return connectionId + " " + getMessage();
  }
}
