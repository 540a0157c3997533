package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/** {@code ascii}: bytes below 0x80, in byte order. */
final class AsciiCodec extends NativeCodec {

  AsciiCodec() {
    super(EnumSet.of(LiteralKind.STRING));
  }

  @Override boolean emptyIsValue() {
    return true;
  }

  @Override boolean quotedLiteral() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    for (int i = value.position(); i < value.limit(); i++) {
      byte b = value.get(i);
      if (b < 0) {
        throw new MarshalException("Invalid byte for ascii: " + b);
      }
    }
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return new String(Buffers.bytes(value), StandardCharsets.US_ASCII);
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return fromString((String) value);
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Buffers.compareUnsigned(a, b);
  }

  @Override ByteBuffer fromString(String text) {
    try {
      return StandardCharsets.US_ASCII.newEncoder().encode(CharBuffer.wrap(text));
    } catch (CharacterCodingException e) {
      throw new MarshalException(String.format("Invalid ASCII character in string literal: %s", e));
    }
  }

  @Override String toText(ByteBuffer value) {
    return (String) decodeNonEmpty(value);
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return JsonText.quote(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("an ascii string", json);
  }
}
