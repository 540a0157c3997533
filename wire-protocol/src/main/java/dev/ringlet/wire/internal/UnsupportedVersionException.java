package dev.ringlet.wire.internal;

/**
 * A client spoke a protocol version this server does not (anything but v3, v4 and v5). The connection
 * cannot be framed any further: the reply is written in the client's own framing and the
 * connection is closed.
 */
final class UnsupportedVersionException extends RuntimeException {

  private final int version;
  private final int streamId;

  UnsupportedVersionException(int version, int streamId) {
    super(ProtocolVersions.invalidVersionMessage(version));
    this.version = version;
    this.streamId = streamId;
  }

  int version() {
    return version;
  }

  int streamId() {
    return streamId;
  }
}
