package dev.ringlet.wire.internal;

/**
 * A frame the server refuses, with everything needed to answer it: the stream id, the protocol
 * error code and Cassandra's message. The connection stays open unless {@code closeConnection}.
 */
final class RequestRejectedException extends RuntimeException {

  private final int version;
  private final int streamId;
  private final int errorCode;

  RequestRejectedException(int version, int streamId, int errorCode, String message) {
    super(message, null, false, false);
    this.version = version;
    this.streamId = streamId;
    this.errorCode = errorCode;
  }

  /** The version to frame the answer with. */
  int version() {
    return version;
  }

  int streamId() {
    return streamId;
  }

  int errorCode() {
    return errorCode;
  }
}
