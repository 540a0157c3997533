package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;

/** {@code text} (alias {@code varchar}): UTF-8, in unsigned byte order. */
final class TextCodec extends NativeCodec {

  TextCodec() {
    super(EnumSet.of(LiteralKind.STRING));
  }

  @Override boolean emptyIsValue() {
    return true;
  }

  @Override boolean quotedLiteral() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    if (!Utf8Validation.isValid(value)) {
      throw new MarshalException("String didn't validate.");
    }
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    return new String(Buffers.bytes(value), StandardCharsets.UTF_8);
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.wrap(((String) value).getBytes(StandardCharsets.UTF_8));
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Buffers.compareUnsigned(a, b);
  }

  @Override ByteBuffer fromString(String text) {
    return encodeNonNull(text);
  }

  @Override String toText(ByteBuffer value) {
    return (String) decodeNonEmpty(value);
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return JsonText.quote(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return encodeNonNull(s);
    }
    throw expected("a UTF-8 string", json);
  }
}
