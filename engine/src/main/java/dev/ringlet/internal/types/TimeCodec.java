package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.time.LocalTime;
import java.util.EnumSet;

/** {@code time}: exactly 8 bytes, nanoseconds since midnight; byte order (unsigned) like Cassandra. */
final class TimeCodec extends NativeCodec {

  TimeCodec() {
    super(EnumSet.of(LiteralKind.STRING, LiteralKind.INTEGER));
  }

  @Override boolean quotedLiteral() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 8 byte long for time (%d)", 8);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.getLong(value.position());
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    long nanos = value instanceof LocalTime t ? t.toNanoOfDay() : ((Number) value).longValue();
    return ByteBuffer.allocate(8).putLong(0, nanos);
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Long.compareUnsigned(a.getLong(a.position()), b.getLong(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    return encodeNonNull(TimeText.parse(text));
  }

  @Override String toText(ByteBuffer value) {
    return TimeText.format(value.getLong(value.position()));
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("a string representation of a time value", json);
  }
}
