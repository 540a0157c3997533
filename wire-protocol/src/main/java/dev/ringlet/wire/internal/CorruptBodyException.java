package dev.ringlet.wire.internal;

/**
 * A compressed frame body that cannot be decompressed. Thrown by the compressors, which do not know
 * the stream id; {@link RequestDecoder} turns it into a {@link RequestRejectedException}.
 */
final class CorruptBodyException extends RuntimeException {

  CorruptBodyException(String message) {
    super(message);
  }

  CorruptBodyException(String message, Throwable cause) {
    super(message, cause);
  }
}
