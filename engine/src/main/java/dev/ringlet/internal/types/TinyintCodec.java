package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/**
 * {@code tinyint}: exactly 1 byte (no empty value). Accepts hex constants too: Cassandra 5.0 takes
 * a hex literal's preferred type to be tinyint and stores its bytes as they are.
 */
final class TinyintCodec extends NativeCodec {

  TinyintCodec() {
    super(EnumSet.of(LiteralKind.INTEGER, LiteralKind.HEX));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 1 byte for a tinyint (%d)", 1);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.get(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(1).put(0, ((Number) value).byteValue());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Byte.compare(a.get(a.position()), b.get(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(Byte.parseByte(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make byte from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Byte.toString(value.get(value.position()));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Number n) {
      return fromString(n.toString());
    }
    throw expected("a byte value", json);
  }
}
