package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.UUID;
import java.util.regex.Pattern;

/** {@code uuid}: 16 bytes, in Cassandra's UUIDType order. */
final class UuidCodec extends NativeCodec {

  private static final Pattern UUID_TEXT = Pattern.compile(
      "[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}");

  UuidCodec() {
    super(EnumSet.of(LiteralKind.UUID));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "UUID should be 16 or 0 bytes (%d)", 16, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return new UUID(value.getLong(value.position()), value.getLong(value.position() + 8));
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    UUID uuid = (UUID) value;
    return ByteBuffer.allocate(16)
        .putLong(0, uuid.getMostSignificantBits())
        .putLong(8, uuid.getLeastSignificantBits());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return UuidOrder.uuidOrder(a, b);
  }

  /** UUIDType.parse: the bytes, the empty value, or null when the text is not a UUID. */
  static ByteBuffer parseOrNull(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    if (!UUID_TEXT.matcher(text).matches()) {
      return null;
    }
    UUID uuid = UUID.fromString(text);
    return ByteBuffer.allocate(16)
        .putLong(0, uuid.getMostSignificantBits())
        .putLong(8, uuid.getLeastSignificantBits());
  }

  @Override ByteBuffer fromString(String text) {
    ByteBuffer parsed = parseOrNull(text);
    if (parsed == null) {
      throw new MarshalException(String.format("Unable to make UUID from '%s'", text));
    }
    return parsed;
  }

  @Override String toText(ByteBuffer value) {
    return decodeNonEmpty(value).toString();
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("a string representation of a uuid", json);
  }
}
