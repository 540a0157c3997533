package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code smallint}: exactly 2 bytes (no empty value). */
final class SmallintCodec extends NativeCodec {

  SmallintCodec() {
    super(EnumSet.of(LiteralKind.INTEGER));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 2 bytes for a smallint (%d)", 2);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.getShort(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(2).putShort(0, ((Number) value).shortValue());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Short.compare(a.getShort(a.position()), b.getShort(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(Short.parseShort(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make short from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Short.toString(value.getShort(value.position()));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Number n) {
      return fromString(n.toString());
    }
    throw expected("a short value", json);
  }
}
