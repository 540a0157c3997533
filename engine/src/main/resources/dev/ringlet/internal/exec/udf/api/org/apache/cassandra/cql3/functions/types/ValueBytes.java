package org.apache.cassandra.cql3.functions.types;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;

/**
 * The serialized form of durations (three signed vints: months, days, nanoseconds) and Cassandra's
 * unsigned vints, for the duration and vector codecs. Not visible to function bodies.
 */
final class ValueBytes {

  private ValueBytes() {}

  static ByteBuffer serializeDuration(Duration d) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    writeVInt(out, zigzag(d.getMonths()));
    writeVInt(out, zigzag(d.getDays()));
    writeVInt(out, zigzag(d.getNanoseconds()));
    return ByteBuffer.wrap(out.toByteArray());
  }

  static Duration deserializeDuration(ByteBuffer bytes) {
    ByteBuffer b = bytes.duplicate();
    try {
      Duration d = Duration.newInstance((int) unzigzag(readVInt(b)), (int) unzigzag(readVInt(b)), unzigzag(readVInt(b)));
      if (b.hasRemaining()) {
        throw new InvalidTypeException("Invalid duration value: " + b.remaining() + " bytes too many");
      }
      return d;
    } catch (BufferUnderflowException e) {
      throw new InvalidTypeException("Invalid duration value: not enough bytes");
    }
  }

  private static long zigzag(long n) {
    return (n << 1) ^ (n >> 63);
  }

  private static long unzigzag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  /** Cassandra's unsigned vint: the count of leading one bits of the first byte is the count of extra bytes. */
  private static void writeVInt(java.io.ByteArrayOutputStream out, long value) {
    int magnitude = Long.numberOfLeadingZeros(value | 1);
    int extra = ((639 - magnitude * 9) >> 6) - 1;
    if (extra == 0) {
      out.write((int) value);
      return;
    }
    int firstByte = extra == 8 ? 0xff : ((0xff << (8 - extra)) & 0xff) | (int) (value >>> (8 * extra));
    out.write(firstByte);
    for (int i = extra - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  static void writeUnsignedVInt(java.io.ByteArrayOutputStream out, long value) {
    writeVInt(out, value);
  }

  static long readUnsignedVInt(ByteBuffer b) {
    return readVInt(b);
  }

  private static long readVInt(ByteBuffer b) {
    int first = b.get();
    if (first >= 0) {
      return first;
    }
    int extra = Integer.numberOfLeadingZeros(~first) - 24;
    long value = extra == 8 ? 0 : first & (0xff >> extra);
    for (int i = 0; i < extra; i++) {
      value = (value << 8) | (b.get() & 0xff);
    }
    return value;
  }
}
