package dev.ringlet.internal.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Cassandra's variable-length integers. Unsigned: the count of leading 1 bits of the first byte
 * is the number of extra bytes; the remaining bits of the first byte and the extra bytes hold the
 * value big-endian (9 bytes at most, first byte 0xff). Signed: zigzag, then unsigned.
 */
final class VInts {

  private VInts() {}

  static int unsignedSize(long value) {
    int leadingZeros = Long.numberOfLeadingZeros(value | 1);
    return (639 - leadingZeros * 9) >> 6;
  }

  static void writeUnsigned(ByteArrayOutputStream out, long value) {
    int size = unsignedSize(value);
    if (size == 1) {
      out.write((int) value);
      return;
    }
    int extra = size - 1;
    int first = extra == 8 ? 0xff : (0xff << (8 - extra)) & 0xff | (int) (value >>> (8 * extra));
    out.write(first);
    for (int i = extra - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  static void writeSigned(ByteArrayOutputStream out, long value) {
    writeUnsigned(out, (value << 1) ^ (value >> 63));
  }

  /** Reads at the buffer's position and advances it; underflow throws BufferUnderflowException. */
  static long readUnsigned(ByteBuffer in) {
    int first = in.get();
    if (first >= 0) {
      return first;
    }
    int extra = Integer.numberOfLeadingZeros(~first) - 24;
    long value = first & (0xff >>> extra);
    for (int i = 0; i < extra; i++) {
      value = (value << 8) | (in.get() & 0xff);
    }
    return value;
  }

  static long readSigned(ByteBuffer in) {
    long n = readUnsigned(in);
    return (n >>> 1) ^ -(n & 1);
  }
}
