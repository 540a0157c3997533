package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code double}: 8-byte IEEE 754; ordered like {@link Double#compare} (NaN last). */
final class DoubleCodec extends NativeCodec {

  DoubleCodec() {
    super(EnumSet.of(LiteralKind.INTEGER, LiteralKind.FLOAT));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 8 or 0 byte value for a double (%d)", 8, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.getDouble(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(8).putDouble(0, ((Number) value).doubleValue());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Double.compare(a.getDouble(a.position()), b.getDouble(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(Double.parseDouble(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("Unable to make double from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return Double.toString(value.getDouble(value.position()));
  }

  /** JSON has no NaN nor infinities: Cassandra writes them as {@code null}. */
  @Override String toJsonNonEmpty(ByteBuffer value) {
    double f = value.getDouble(value.position());
    return Double.isNaN(f) || Double.isInfinite(f) ? "null" : Double.toString(f);
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Number n) {
      return encodeNonNull(n.doubleValue());
    }
    throw expected("a double value", json);
  }
}
