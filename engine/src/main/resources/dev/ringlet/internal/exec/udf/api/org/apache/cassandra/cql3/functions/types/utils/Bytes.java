package org.apache.cassandra.cql3.functions.types.utils;

import java.nio.ByteBuffer;

/** Hexadecimal forms of bytes, as CQL blob literals write them ({@code 0x0aff}). */
public final class Bytes {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Bytes() {}

  /** {@code 0x} and two lowercase digits per byte of the buffer's remaining bytes. */
  public static String toHexString(ByteBuffer bytes) {
    return bytes == null ? null : toHexString(getArray(bytes));
  }

  public static String toHexString(byte[] bytes) {
    StringBuilder sb = new StringBuilder(2 + 2 * bytes.length).append("0x");
    for (byte b : bytes) {
      sb.append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
    return sb.toString();
  }

  /**
   * The bytes of a {@code 0x...} literal.
   *
   * @throws IllegalArgumentException for an odd length, a missing {@code 0x} or other characters
   */
  public static ByteBuffer fromHexString(String str) {
    if ((str.length() & 1) == 1) {
      throw new IllegalArgumentException(
          "A CQL blob string must have an even length (since one byte is always 2 hexadecimal character)");
    }
    if (str.charAt(0) != '0' || str.charAt(1) != 'x') {
      throw new IllegalArgumentException("A CQL blob string must start with \"0x\"");
    }
    byte[] out = new byte[(str.length() - 2) / 2];
    for (int i = 0; i < out.length; i++) {
      int high = Character.digit(str.charAt(2 + 2 * i), 16);
      int low = Character.digit(str.charAt(3 + 2 * i), 16);
      if (high < 0 || low < 0) {
        throw new IllegalArgumentException("Non-hex characters in " + str);
      }
      out[i] = (byte) ((high << 4) | low);
    }
    return ByteBuffer.wrap(out);
  }

  /** A copy of the buffer's remaining bytes. */
  public static byte[] getArray(ByteBuffer bytes) {
    byte[] out = new byte[bytes.remaining()];
    bytes.duplicate().get(out);
    return out;
  }
}
