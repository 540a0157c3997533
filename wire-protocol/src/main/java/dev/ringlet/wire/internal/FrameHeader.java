package dev.ringlet.wire.internal;

/**
 * The 9-byte header of a v3/v4 frame, which is also the header of a v5 envelope:
 *
 * <pre>
 *  byte 0      1       2   3     4        5   6   7   8
 *  +---------+-------+---------+--------+---------------+
 *  |dir|vers | flags | stream  | opcode | body length   |
 *  +---------+-------+---------+--------+---------------+
 *  dir = 0x80 for responses, 0 for requests; stream is a signed short;
 *  body length is an unsigned 32-bit count of the bytes after the header.
 * </pre>
 *
 * @param versionByte byte 0 as sent (direction bit included)
 */
record FrameHeader(int versionByte, int flags, int streamId, int opcode, long bodyLength) {

  static final int LENGTH = 9;
  static final int FLAG_COMPRESSED = 0x01;
  static final int FLAG_TRACING = 0x02;
  static final int FLAG_CUSTOM_PAYLOAD = 0x04;

  int version() {
    return versionByte & 0x7f;
  }

  boolean isResponseDirection() {
    return (versionByte & 0x80) != 0;
  }

  boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }
}
