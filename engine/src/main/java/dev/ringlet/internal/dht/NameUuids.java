package dev.ringlet.internal.dht;

import java.util.UUID;

/**
 * Name-based (version 3) UUIDs, equal to {@link UUID#nameUUIDFromBytes}'s: the MD5 of the name
 * (RFC 1321) with the version and variant bits set (RFC 4122).
 *
 * <p>Why not {@code UUID.nameUUIDFromBytes}: it asks the JCA for an MD5 {@code MessageDigest} on
 * every call, and the first such call in a JVM loads and initialises the security providers (about
 * 60 classes). A node's start makes a host id and an id for each of its ~94 built-in tables, and
 * needs nothing else from the JCA; computed here, the first start in a fresh JVM skips all of it.
 * Pure and stateless.
 */
public final class NameUuids {

  /** Per-round left rotations, four per round (RFC 1321, 3.4). */
  private static final int[] SHIFTS = {7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21};

  /** RFC 1321's table T: the integer part of 2^32 * |sin(i + 1)|, radians, for i = 0..63. */
  private static final int[] T = {
      0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee,
      0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
      0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
      0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
      0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa,
      0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
      0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed,
      0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
      0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
      0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
      0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05,
      0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
      0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039,
      0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
      0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
      0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
  };

  private NameUuids() {}

  /** The same UUID as {@code UUID.nameUUIDFromBytes(name)}. */
  public static UUID of(byte[] name) {
    byte[] md5 = md5(name);
    md5[6] &= 0x0f; // version 3
    md5[6] |= 0x30;
    md5[8] &= 0x3f; // IETF variant
    md5[8] |= (byte) 0x80;
    return new UUID(bigEndianLong(md5, 0), bigEndianLong(md5, 8));
  }

  /** The 16-byte MD5 digest of {@code message} (RFC 1321). */
  static byte[] md5(byte[] message) {
    // padding: 0x80, zeros up to 56 mod 64, then the message's length in bits, little-endian
    int blocks = (message.length + 8) / 64 + 1;
    byte[] padded = new byte[blocks * 64];
    System.arraycopy(message, 0, padded, 0, message.length);
    padded[message.length] = (byte) 0x80;
    long bits = (long) message.length * 8;
    for (int i = 0; i < 8; i++) {
      padded[padded.length - 8 + i] = (byte) (bits >>> (8 * i));
    }
    int a0 = 0x67452301;
    int b0 = 0xefcdab89;
    int c0 = 0x98badcfe;
    int d0 = 0x10325476;
    int[] m = new int[16];
    for (int block = 0; block < blocks; block++) {
      for (int i = 0; i < 16; i++) {
        m[i] = littleEndianInt(padded, block * 64 + i * 4);
      }
      int a = a0;
      int b = b0;
      int c = c0;
      int d = d0;
      for (int i = 0; i < 64; i++) {
        int f;
        int g;
        switch (i / 16) {
          case 0 -> {
            f = (b & c) | (~b & d);
            g = i;
          }
          case 1 -> {
            f = (d & b) | (~d & c);
            g = (5 * i + 1) % 16;
          }
          case 2 -> {
            f = b ^ c ^ d;
            g = (3 * i + 5) % 16;
          }
          default -> {
            f = c ^ (b | ~d);
            g = (7 * i) % 16;
          }
        }
        int rotated = a + f + T[i] + m[g];
        a = d;
        d = c;
        c = b;
        b = b + Integer.rotateLeft(rotated, SHIFTS[(i / 16) * 4 + i % 4]);
      }
      a0 += a;
      b0 += b;
      c0 += c;
      d0 += d;
    }
    byte[] digest = new byte[16];
    int[] words = {a0, b0, c0, d0};
    for (int w = 0; w < 4; w++) {
      for (int i = 0; i < 4; i++) {
        digest[w * 4 + i] = (byte) (words[w] >>> (8 * i));
      }
    }
    return digest;
  }

  private static int littleEndianInt(byte[] b, int at) {
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
  }

  private static long bigEndianLong(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (b[at + i] & 0xff);
    }
    return v;
  }
}
