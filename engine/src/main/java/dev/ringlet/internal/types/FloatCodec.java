package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code float}: 4-byte IEEE 754; ordered like {@link Float#compare} (NaN last). */
final class FloatCodec extends NativeCodec {

  FloatCodec() {
    super(EnumSet.of(LiteralKind.INTEGER, LiteralKind.FLOAT));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 4 or 0 byte value for a float (%d)", 4, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.getFloat(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(4).putFloat(0, ((Number) value).floatValue());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Float.compare(a.getFloat(a.position()), b.getFloat(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(Float.parseFloat(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make float from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Float.toString(value.getFloat(value.position()));
  }

  /** JSON has no NaN nor infinities: Cassandra writes them as {@code null}. */
  @Override String toJsonNonEmpty(ByteBuffer value) {
    float f = value.getFloat(value.position());
    return Float.isNaN(f) || Float.isInfinite(f) ? "null" : Float.toString(f);
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Number n) {
      return encodeNonNull(n.floatValue());
    }
    throw expected("a float value", json);
  }
}
