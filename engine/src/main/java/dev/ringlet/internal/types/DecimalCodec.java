package dev.ringlet.internal.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.EnumSet;

/** {@code decimal}: a 4-byte scale then the unscaled value as a varint. */
final class DecimalCodec extends NativeCodec {

  DecimalCodec() {
    super(EnumSet.of(LiteralKind.INTEGER, LiteralKind.FLOAT));
  }

  @Override void validate(ByteBuffer value) {
    if (value.remaining() != 0 && value.remaining() < 4) {
      throw new MarshalException(String.format("Expected 0 or at least 4 bytes (%d)", value.remaining()));
    }
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    byte[] all = Buffers.bytes(value);
    int scale = value.getInt(value.position());
    return new BigDecimal(new BigInteger(Arrays.copyOfRange(all, 4, all.length)), scale);
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    BigDecimal d = (BigDecimal) value;
    byte[] unscaled = d.unscaledValue().toByteArray();
    ByteBuffer out = ByteBuffer.allocate(4 + unscaled.length);
    out.putInt(d.scale()).put(unscaled).flip();
    return out;
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return ((BigDecimal) decodeNonEmpty(a)).compareTo((BigDecimal) decodeNonEmpty(b));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(new BigDecimal(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("unable to make BigDecimal from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return decodeNonEmpty(value).toString();
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    try {
      return encodeNonNull(new BigDecimal(json.toString()));
    } catch (NumberFormatException e) {
      throw new MarshalException(
          String.format("Value '%s' is not a valid representation of a decimal value", json));
    }
  }
}
