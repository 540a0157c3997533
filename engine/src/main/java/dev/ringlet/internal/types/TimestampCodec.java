package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;

/** {@code timestamp}: 8-byte signed milliseconds since the epoch. */
final class TimestampCodec extends NativeCodec {

  private final Clock clock;

  TimestampCodec(Clock clock) {
    super(EnumSet.of(LiteralKind.STRING, LiteralKind.INTEGER));
    this.clock = clock;
  }

  @Override boolean quotedLiteral() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 8 or 0 byte long for date (%d)", 8, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return Instant.ofEpochMilli(value.getLong(value.position()));
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    long millis;
    if (value instanceof Instant instant) {
      millis = instant.toEpochMilli();
    } else if (value instanceof Date date) {
      millis = date.getTime();
    } else {
      millis = ((Number) value).longValue();
    }
    return ByteBuffer.allocate(8).putLong(0, millis);
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Long.compare(a.getLong(a.position()), b.getLong(b.position()));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    return ByteBuffer.allocate(8).putLong(0, TimestampText.parse(text, clock.millis()));
  }

  @Override String toText(ByteBuffer value) {
    return TimestampText.literal(value.getLong(value.position()));
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(TimestampText.json(value.getLong(value.position())));
  }

  /** Like Cassandra, only a Long is a number of milliseconds: JSON parsers give small numbers as Integer. */
  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof Long) {
      return encodeNonNull(json);
    }
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("a long or a datestring representation of a timestamp value", json);
  }
}
