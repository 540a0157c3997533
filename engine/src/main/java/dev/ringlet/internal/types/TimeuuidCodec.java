package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.UUID;

/** {@code timeuuid}: a version-1 UUID, in Cassandra's TimeUUIDType order. */
final class TimeuuidCodec extends NativeCodec {

  private final UuidCodec uuid = new UuidCodec();

  TimeuuidCodec() {
    super(EnumSet.of(LiteralKind.UUID));
  }

  /**
   * The version message mirrors Cassandra 5.0, which prints the high nibble of the first byte
   * rather than of the version byte.
   */
  @Override void validate(ByteBuffer value) {
    if (!value.hasRemaining()) {
      return;
    }
    Buffers.checkSize(value, "UUID should be 16 or 0 bytes (%d)", 16);
    if ((value.get(value.position() + 6) & 0xf0) != 0x10) {
      int nibble = (value.get(value.position()) >> 4) & 0xf;
      throw new MarshalException(
          String.format("Invalid version for TimeUUID type: 0x%s", Integer.toHexString(nibble)));
    }
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return uuid.decodeNonEmpty(value);
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    if (((UUID) value).version() != 1) {
      throw new MarshalException("TimeUUID supports only version 1 UUIDs");
    }
    return uuid.encodeNonNull(value);
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return UuidOrder.timeUuidOrder(a, b);
  }

  @Override ByteBuffer fromString(String text) {
    ByteBuffer parsed = UuidCodec.parseOrNull(text);
    if (parsed == null) {
      throw new MarshalException(String.format("Unknown timeuuid representation: %s", text));
    }
    if (parsed.remaining() == 16 && UuidOrder.version(parsed) != 1) {
      throw new MarshalException("TimeUUID supports only version 1 UUIDs");
    }
    return parsed;
  }

  @Override String toText(ByteBuffer value) {
    return uuid.toText(value);
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("a string representation of a timeuuid", json);
  }
}
