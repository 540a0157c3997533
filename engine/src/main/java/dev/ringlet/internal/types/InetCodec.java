package dev.ringlet.internal.types;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.regex.Pattern;

/**
 * {@code inet}: 4 or 16 address bytes, in unsigned byte order. Literals are IP addresses only:
 * unlike Cassandra we never resolve host names (no DNS inside a test database).
 */
final class InetCodec extends NativeCodec {

  private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.%\\[\\]a-zA-Z]*:[0-9A-Fa-f:.%\\[\\]a-zA-Z]*");

  InetCodec() {
    super(EnumSet.of(LiteralKind.STRING));
  }

  @Override boolean quotedLiteral() {
    return true;
  }

  @Override void validate(ByteBuffer value) {
    int size = value.remaining();
    if (size != 0 && size != 4 && size != 16) {
      throw new MarshalException(String.format("Expected 4 or 16 byte inetaddress; got %s", Hex.of(value)));
    }
  }

  @Override Object decodeNonEmpty(ByteBuffer value) {
    try {
      return InetAddress.getByAddress(Buffers.bytes(value));
    } catch (UnknownHostException e) {
      throw new MarshalException(String.format("Expected 4 or 16 byte inetaddress; got %s", Hex.of(value)));
    }
  }

  @Override ByteBuffer encodeNonNull(Object value) {
    return ByteBuffer.wrap(((InetAddress) value).getAddress());
  }

  @Override int compareNonEmpty(ByteBuffer a, ByteBuffer b) {
    return Buffers.compareUnsigned(a, b);
  }

  @Override ByteBuffer fromString(String text) {
    if (text.isEmpty()) {
      return ByteBuffer.allocate(0);
    }
    if (!IP_LITERAL.matcher(text).matches()) {
      throw new MarshalException(String.format("Unable to make inet address from '%s'", text));
    }
    try {
      return encodeNonNull(InetAddress.getByName(text));
    } catch (UnknownHostException | RuntimeException e) {
      throw new MarshalException(String.format("Unable to make inet address from '%s'", text));
    }
  }

  @Override String toText(ByteBuffer value) {
    return ((InetAddress) decodeNonEmpty(value)).getHostAddress();
  }

  @Override String toJsonNonEmpty(ByteBuffer value) {
    return quoted(toText(value));
  }

  @Override ByteBuffer fromJsonNonNull(Object json) {
    if (json instanceof String s) {
      return fromString(s);
    }
    throw expected("a string representation of an inet value", json);
  }
}
