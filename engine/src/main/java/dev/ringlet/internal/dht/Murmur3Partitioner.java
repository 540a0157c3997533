package dev.ringlet.internal.dht;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * Cassandra's {@code Murmur3Partitioner}: the token of a partition key is the first 64 bits of the
 * x64 128-bit MurmurHash3 of the serialized key (seed 0), with {@code Long.MIN_VALUE} mapped to
 * {@code Long.MAX_VALUE}. Must agree bit for bit with Cassandra, since drivers route by it.
 *
 * <p>Cassandra's variant differs from the reference MurmurHash3 in one place, kept here: the
 * 1..15 tail bytes are mixed in as <em>signed</em> (sign-extended) bytes, whereas the 16-byte
 * blocks are read as unsigned little-endian longs.
 */
public final class Murmur3Partitioner {

  public static final String CLASS_NAME = "org.apache.cassandra.dht.Murmur3Partitioner";

  private static final long C1 = 0x87c37b91114253d5L;
  private static final long C2 = 0x4cf5ad432745937fL;

  private Murmur3Partitioner() {}

  /** The token of a serialized partition key (for compound keys, the composite serialization). */
  public static long token(ByteBuffer partitionKey) {
    long hash = hash64(partitionKey);
    return hash == Long.MIN_VALUE ? Long.MAX_VALUE : hash;
  }

  /**
   * The serialized form of a compound partition key: for each component, its length as an
   * unsigned 2-byte big-endian short, its bytes, then a 0 byte (Cassandra's CompositeType). Only
   * for keys of two or more columns: a single-column key is hashed as its value's bytes alone.
   */
  public static ByteBuffer compositeKey(List<ByteBuffer> components) {
    int size = 0;
    for (ByteBuffer c : components) {
      if (c.remaining() > 0xFFFF) {
        throw new IllegalArgumentException(
            "Partition key component too long: " + c.remaining() + " bytes (expected: <= 65535)");
      }
      size += 2 + c.remaining() + 1;
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (ByteBuffer c : components) {
      out.putShort((short) c.remaining()).put(c.duplicate()).put((byte) 0);
    }
    return out.flip();
  }

  /** The first long of MurmurHash3_x64_128 with seed 0, as Cassandra computes it. */
  static long hash64(ByteBuffer key) {
    int offset = key.position();
    int length = key.remaining();
    int blocks = length >> 4;
    long h1 = 0;
    long h2 = 0;
    for (int i = 0; i < blocks; i++) {
      long k1 = littleEndianLong(key, offset + i * 16);
      long k2 = littleEndianLong(key, offset + i * 16 + 8);
      h1 ^= mixK1(k1);
      h1 = Long.rotateLeft(h1, 27) + h2;
      h1 = h1 * 5 + 0x52dce729;
      h2 ^= mixK2(k2);
      h2 = Long.rotateLeft(h2, 31) + h1;
      h2 = h2 * 5 + 0x38495ab5;
    }
    int tail = offset + blocks * 16;
    int rest = length & 15;
    long k1 = 0;
    long k2 = 0;
    for (int i = rest - 1; i >= 8; i--) {
      k2 ^= ((long) key.get(tail + i)) << ((i - 8) * 8);
    }
    for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
      k1 ^= ((long) key.get(tail + i)) << (i * 8);
    }
    if (rest > 8) {
      h2 ^= mixK2(k2);
    }
    if (rest > 0) {
      h1 ^= mixK1(k1);
    }
    h1 ^= length;
    h2 ^= length;
    h1 += h2;
    h2 += h1;
    h1 = fmix(h1);
    h2 = fmix(h2);
    return h1 + h2;
  }

  private static long littleEndianLong(ByteBuffer key, int at) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (key.get(at + i) & 0xffL);
    }
    return v;
  }

  private static long mixK1(long k1) {
    return Long.rotateLeft(k1 * C1, 31) * C2;
  }

  private static long mixK2(long k2) {
    return Long.rotateLeft(k2 * C2, 33) * C1;
  }

  private static long fmix(long k) {
    k ^= k >>> 33;
    k *= 0xff51afd7ed558ccdL;
    k ^= k >>> 33;
    k *= 0xc4ceb9fe1a85ec53L;
    k ^= k >>> 33;
    return k;
  }
}
