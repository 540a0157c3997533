package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code int}: 4-byte big-endian two's complement. */
final class IntCodec extends NativeCodec {

  IntCodec() {
    super(EnumSet.of(LiteralKind.INTEGER));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 4 or 0 byte int (%d)", 4, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.getInt(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(4).putInt(0, ((Number) value).intValue());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Integer.compare(a.getInt(a.position()), b.getInt(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(Integer.parseInt(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make int from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Integer.toString(value.getInt(value.position()));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Integer || json instanceof Short || json instanceof Byte) {
      return encodeNonNull(json);
    }
    throw expected("an int value", json);
  }
}
