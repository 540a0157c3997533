package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code bigint} and {@code counter}: 8-byte big-endian two's complement. */
final class BigintCodec extends NativeCodec {

  BigintCodec() {
    super(EnumSet.of(LiteralKind.INTEGER));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 8 or 0 byte long (%d)", 8, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.getLong(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(8).putLong(0, ((Number) value).longValue());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Long.compare(a.getLong(a.position()), b.getLong(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(Long.parseLong(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make long from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Long.toString(value.getLong(value.position()));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Long || json instanceof Integer || json instanceof Short || json instanceof Byte) {
      return encodeNonNull(json);
    }
    throw expected("a bigint value", json);
  }
}
