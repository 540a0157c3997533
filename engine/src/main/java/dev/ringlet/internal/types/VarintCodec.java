package dev.ringlet.internal.types;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code varint}: minimal big-endian two's complement of any length. */
final class VarintCodec extends NativeCodec {

  VarintCodec() {
    super(EnumSet.of(LiteralKind.INTEGER));
  }

  @Override void validate(ByteBuffer value) {
    // every byte sequence is a varint
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return new BigInteger(Buffers.bytes(value));
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    BigInteger v = value instanceof BigInteger b ? b : BigInteger.valueOf(((Number) value).longValue());
    return ByteBuffer.wrap(v.toByteArray());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return ((BigInteger) decodeNonEmpty(a)).compareTo((BigInteger) decodeNonEmpty(b));
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    try {
      return encodeNonNull(new BigInteger(text));
    } catch (NumberFormatException e) {
      throw new MarshalException(String.format("unable to make int from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return decodeNonEmpty(value).toString();
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    try {
      return encodeNonNull(new BigInteger(json.toString()));
    } catch (NumberFormatException e) {
      throw new MarshalException(
          String.format("Value '%s' is not a valid representation of a varint value", json));
    }
  }
}
