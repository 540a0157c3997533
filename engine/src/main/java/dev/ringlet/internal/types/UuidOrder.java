package dev.ringlet.internal.types;

import java.nio.ByteBuffer;

/**
 * Cassandra's two UUID orders on 16-byte values. Version-1 UUIDs compare by timestamp first: the
 * most significant long is reordered time_hi, time_mid, time_low so that a signed compare (the
 * version nibble 1 keeps it positive) follows time.
 */
final class UuidOrder {

  private UuidOrder() {}

  static int version(ByteBuffer value) {
    return (value.get(value.position() + 6) >> 4) & 0x0f;
  }

  static long timeOrderedMsb(long msb) {
    return (msb << 48) | ((msb << 16) & 0xFFFF00000000L) | (msb >>> 32);
  }

  /** UUIDType: version, then time (v1) or unsigned msb, then unsigned lsb. */
  static int uuidOrder(ByteBuffer a, ByteBuffer b) {
    long msbA = a.getLong(a.position());
    long msbB = b.getLong(b.position());
    int versionA = (int) ((msbA >>> 12) & 0xf);
    int versionB = (int) ((msbB >>> 12) & 0xf);
    if (versionA != versionB) {
      return versionA - versionB;
    }
    int c = versionA == 1
        ? Long.compare(timeOrderedMsb(msbA), timeOrderedMsb(msbB))
        : Long.compareUnsigned(msbA, msbB);
    if (c != 0) {
      return c;
    }
    return Long.compareUnsigned(a.getLong(a.position() + 8), b.getLong(b.position() + 8));
  }

  /**
   * TimeUUIDType: time, then the least significant bytes compared as signed bytes (kept from
   * Cassandra's early ByteBuffer.compareTo-based order).
   */
  static int timeUuidOrder(ByteBuffer a, ByteBuffer b) {
    int c = Long.compare(timeOrderedMsb(a.getLong(a.position())), timeOrderedMsb(b.getLong(b.position())));
    if (c != 0) {
      return c;
    }
    long lsbA = a.getLong(a.position() + 8) ^ 0x0080808080808080L;
    long lsbB = b.getLong(b.position() + 8) ^ 0x0080808080808080L;
    return Long.compare(lsbA, lsbB);
  }
}
