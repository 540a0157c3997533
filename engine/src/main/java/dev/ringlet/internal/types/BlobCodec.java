package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.EnumSet;

/** {@code blob}: any bytes, in unsigned byte order; written {@code 0x...}. */
final class BlobCodec extends NativeCodec {

  BlobCodec() {
    super(EnumSet.of(LiteralKind.HEX));
  }

  @Override boolean emptyIsValue() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    // every byte sequence is a blob
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return ByteBuffer.wrap(Buffers.bytes(value)).asReadOnlyBuffer();
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    if (value instanceof byte[] array) {
      return ByteBuffer.wrap(array.clone());
    }
    return ByteBuffer.wrap(Buffers.bytes((ByteBuffer) value));
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Buffers.compareUnsigned(a, b);
  }

  @Override ByteBuffer fromString(String text) {
    return Hex.parseBlob(text);
  }

  @Override String toText(ByteBuffer value) {
    return "0x" + Hex.of(value);
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  /** Every failure comes wrapped, a non-string one with the JVM's ClassCastException message. */
  @Override ByteBuffer fromJsonNonNull(Object json) {
    try {
      String s = (String) json;
      if (!s.startsWith("0x")) {
        throw new MarshalException(String.format("String representation of blob is missing 0x prefix: %s", s));
      }
      return Hex.parseBlob(s.substring(2));
    } catch (MarshalException | ClassCastException e) {
      throw new MarshalException(
          String.format("Value '%s' is not a valid blob representation: %s", json, e.getMessage()));
    }
  }
}
