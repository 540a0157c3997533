package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code boolean}: one byte, zero false and anything else true; false sorts first. */
final class BooleanCodec extends NativeCodec {

  BooleanCodec() {
    super(EnumSet.of(LiteralKind.BOOLEAN));
  }

  @Override void validate(ByteBuffer value) {
    Buffers.checkSize(value, "Expected 1 or 0 byte value (%d)", 1, 0);
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return value.get(value.position()) != 0;
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.allocate(1).put(0, (byte) (((Boolean) value) ? 1 : 0));
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Boolean.compare((Boolean) decodeNonEmpty(a), (Boolean) decodeNonEmpty(b));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    if (text.equalsIgnoreCase("true")) {
      return encodeNonNull(true);
    }
    if (text.equalsIgnoreCase("false")) {
      return encodeNonNull(false);
    }
    throw new MarshalException(String.format("Unable to make boolean from '%s'", text));
  }

  @Override String toText(ByteBuffer value) {
    return decodeNonEmpty(value).toString();
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    if (json instanceof Boolean b) {
      return encodeNonNull(b);
    }
    throw expected("a boolean value", json);
  }
}
