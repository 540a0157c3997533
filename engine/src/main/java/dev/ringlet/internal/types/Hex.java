package dev.ringlet.internal.types;

import java.nio.ByteBuffer;

/** Hexadecimal text of bytes, as blobs are written in CQL ({@code 0x...}) and JSON. */
final class Hex {

  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private Hex() {}

  static String of(ByteBuffer value) {
    StringBuilder sb = new StringBuilder(value.remaining() * 2);
    for (int i = value.position(); i < value.limit(); i++) {
      int b = value.get(i) & 0xff;
      sb.append(DIGITS[b >>> 4]).append(DIGITS[b & 0xf]);
    }
    return sb.toString();
  }

  /** Hex digits without {@code 0x}, as BytesType.fromString reads them. */
  static ByteBuffer parseBlob(String digits) {
    if (digits.length() % 2 != 0) {
      throw new MarshalException(String.format("cannot parse '%s' as hex bytes", digits));
    }
    byte[] out = new byte[digits.length() / 2];
    for (int i = 0; i < out.length; i++) {
      int hi = Character.digit(digits.charAt(2 * i), 16);
      int lo = Character.digit(digits.charAt(2 * i + 1), 16);
      if (hi < 0 || lo < 0) {
        throw new MarshalException(String.format("cannot parse '%s' as hex bytes", digits));
      }
      out[i] = (byte) ((hi << 4) | lo);
    }
    return ByteBuffer.wrap(out);
  }
}
