package org.apache.cassandra.cql3.functions.types;

import java.nio.ByteBuffer;
import org.apache.cassandra.transport.ProtocolVersion;

/** The framing of collection, tuple and user type values: int counts and int lengths (-1: null). */
public final class CodecUtils {

  private CodecUtils() {}

  /** The buffers, each after its int length (-1: null), after an int count {@code elements} unless negative. */
  public static ByteBuffer pack(ByteBuffer[] buffers, int elements, ProtocolVersion version) {
    int size = elements >= 0 ? 4 : 0;
    for (ByteBuffer b : buffers) {
      size += 4 + (b == null ? 0 : b.remaining());
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    if (elements >= 0) {
      out.putInt(elements);
    }
    for (ByteBuffer b : buffers) {
      writeValue(out, b, version);
    }
    out.flip();
    return out;
  }

  /** The next value of {@code input} (after its int length; null for a negative one). */
  public static ByteBuffer readValue(ByteBuffer input, ProtocolVersion version) {
    int size = input.getInt();
    return size < 0 ? null : readBytes(input, size);
  }

  public static void writeValue(ByteBuffer output, ByteBuffer value, ProtocolVersion version) {
    if (value == null) {
      output.putInt(-1);
    } else {
      output.putInt(value.remaining()).put(value.duplicate());
    }
  }

  /** The next {@code length} bytes of {@code bytes}, as a buffer of their own; moves past them. */
  public static ByteBuffer readBytes(ByteBuffer bytes, int length) {
    if (length > bytes.remaining()) {
      throw new java.nio.BufferUnderflowException();
    }
    ByteBuffer copy = bytes.duplicate();
    copy.limit(copy.position() + length);
    bytes.position(bytes.position() + length);
    return copy;
  }

  static byte[] array(ByteBuffer bytes) {
    return org.apache.cassandra.cql3.functions.types.utils.Bytes.getArray(bytes);
  }

  /** The bytes of an IPv4 ({@code 10.0.0.1}) or IPv6 literal, or null when it is neither. */
  /**
   * An IPv4 address in the JDK's literal forms ({@code a.b.c.d}, {@code a.b.c} with c 16 bits,
   * {@code a.b} with b 24 bits, {@code a} 32 bits; decimal, leading zeros allowed, at most 15
   * characters); null for anything else.
   */
  static byte[] legacyIpv4(String text) {
    if (text.isEmpty() || text.length() > 15) {
      return null;
    }
    String[] parts = text.split("\\.", -1);
    if (parts.length > 4) {
      return null;
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 10) {
        return null;
      }
      for (int j = 0; j < p.length(); j++) {
        if (p.charAt(j) < '0' || p.charAt(j) > '9') {
          return null;
        }
      }
      values[i] = Long.parseLong(p);
      long max = i < parts.length - 1 ? 0xffL : (0xffffffffL >>> (8 * (parts.length - 1)));
      if (values[i] > max) {
        return null;
      }
    }
    long last = values[parts.length - 1];
    byte[] out = new byte[4];
    for (int i = 0; i < parts.length - 1; i++) {
      out[i] = (byte) values[i];
    }
    for (int i = 3; i >= parts.length - 1; i--) {
      out[i] = (byte) last;
      last >>>= 8;
    }
    return out;
  }

  static byte[] addressLiteral(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length == 4 && text.indexOf(':') < 0) {
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].isEmpty() || parts[i].length() > 3 || !ParseUtils.isLongLiteral(parts[i]) || parts[i].startsWith("-")) {
          return null;
        }
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return null;
        }
        out[i] = (byte) v;
      }
      return out;
    }
    return text.indexOf(':') >= 0 ? ipv6(text) : null;
  }

  private static byte[] ipv6(String text) {
    int zone = text.indexOf('%');
    String s = zone >= 0 ? text.substring(0, zone) : text;
    int gap = s.indexOf("::");
    if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String head = gap >= 0 ? s.substring(0, gap) : s;
    String tail = gap >= 0 ? s.substring(gap + 2) : "";
    java.util.List<Integer> front = groups(head);
    java.util.List<Integer> back = groups(tail);
    if (front == null || back == null) {
      return null;
    }
    int total = front.size() + back.size();
    if ((gap < 0 && total != 8) || (gap >= 0 && total > 7)) {
      return null;
    }
    byte[] out = new byte[16];
    for (int i = 0; i < front.size(); i++) {
      out[2 * i] = (byte) (front.get(i) >> 8);
      out[2 * i + 1] = (byte) (int) front.get(i);
    }
    for (int i = 0; i < back.size(); i++) {
      int at = 8 - back.size() + i;
      out[2 * at] = (byte) (back.get(i) >> 8);
      out[2 * at + 1] = (byte) (int) back.get(i);
    }
    return out;
  }

  /** Hexadecimal groups of 1 to 4 digits separated by colons (the last may be a dotted IPv4 address). */
  private static java.util.List<Integer> groups(String s) {
    java.util.List<Integer> out = new java.util.ArrayList<>();
    if (s.isEmpty()) {
      return out;
    }
    String[] parts = s.split(":", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = parts[i];
      if (i == parts.length - 1 && p.indexOf('.') >= 0) {
        byte[] v4 = addressLiteral(p);
        if (v4 == null) {
          return null;
        }
        out.add(((v4[0] & 0xff) << 8) | (v4[1] & 0xff));
        out.add(((v4[2] & 0xff) << 8) | (v4[3] & 0xff));
        continue;
      }
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
      int v = 0;
      for (int j = 0; j < p.length(); j++) {
        int d = Character.digit(p.charAt(j), 16);
        if (d < 0) {
          return null;
        }
        v = (v << 4) | d;
      }
      out.add(v);
    }
    return out;
  }
}
