package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.Set;

/**
 * The behaviour of one native type; {@link NativeType} constants delegate to one instance each.
 * Defaults cover the common case of a non-string type whose empty value means "no value".
 */
abstract class NativeCodec {

  private final Set<LiteralKind> acceptedKinds;

  NativeCodec(Set<LiteralKind> acceptedKinds) {
    this.acceptedKinds = acceptedKinds;
  }

  abstract void validate(ByteBuffer value);

  /** Decodes a non-empty, valid value. */
  abstract Object decodeNonEmpty(ByteBuffer value);

  abstract ByteBuffer encodeNonNull(Object value);

  abstract int compareNonEmpty(ByteBuffer a, ByteBuffer b);

  /** Cassandra's {@code fromString}: the text of a constant of an accepted kind. */
  abstract ByteBuffer fromString(String text);

  /** The serializer's {@code toString} of a non-empty value (the unquoted CQL literal). */
  abstract String toText(ByteBuffer value);

  abstract ByteBuffer fromJsonNonNull(Object json);

  /** Whether the empty value is a real value (strings, blobs) rather than an absent one. */
  boolean emptyIsValue() {
    return false;
  }

  /** Whether Cassandra 5.0 quotes this type's CQL literal (text, inet, date, time, timestamp). */
  boolean quotedLiteral() {
    return false;
  }

  /** The JSON of a non-empty value; by default the unquoted text (numbers). */
  String toJsonNonEmpty(ByteBuffer value) {
    return toText(value);
  }

  final boolean accepts(LiteralKind kind) {
    return acceptedKinds.contains(kind);
  }

  /** A literal of a kind the codec accepts; the HEX kind is read as a blob whatever the type. */
  ByteBuffer parse(LiteralKind kind, String text) {
    if (kind == LiteralKind.HEX) {
      return Hex.parseBlob(text);
    }
    return fromString(text);
  }

  final Object decode(ByteBuffer value) {
    if (value == null) {
      return null;
    }
    if (!value.hasRemaining() && !emptyIsValue()) {
      return null;
    }
    validate(value);
    return decodeNonEmpty(value);
  }

  final int compare(ByteBuffer a, ByteBuffer b) {
    boolean emptyA = !a.hasRemaining();
    boolean emptyB = !b.hasRemaining();
    if (emptyA || emptyB) {
      return Boolean.compare(emptyB, emptyA);
    }
    return compareNonEmpty(a, b);
  }

  final String toCqlLiteral(ByteBuffer value) {
    if (value == null || (!value.hasRemaining() && !emptyIsValue())) {
      return "null";
    }
    String text = toText(value);
    return quotedLiteral() ? "'" + text.replace("'", "''") + "'" : text;
  }

  final String toJson(ByteBuffer value) {
    if (value == null) {
      return "null";
    }
    if (!value.hasRemaining() && !emptyIsValue()) {
      return "\"\"";
    }
    return toJsonNonEmpty(value);
  }

  final ByteBuffer fromJson(Object json) {
    return json == null ? null : fromJsonNonNull(json);
  }

  static MarshalException expected(String what, Object json) {
    return new MarshalException(
        String.format("Expected %s, but got a %s: %s", what, json.getClass().getSimpleName(), json));
  }

  static String quoted(String text) {
    return "\"" + text + "\"";
  }
}
