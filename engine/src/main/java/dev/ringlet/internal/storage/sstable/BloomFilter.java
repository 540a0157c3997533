package dev.ringlet.internal.storage.sstable;

import dev.ringlet.internal.storage.DecoratedKey;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A bloom filter over partition keys, sized for a false-positive chance ({@code
 * bloom_filter_fp_chance}): {@code m = -n ln p / (ln 2)^2} bits and {@code k = (m / n) ln 2} hashes,
 * probed by double hashing of the key's token and a second 64-bit hash of its bytes. A chance of
 * 1.0 means no filter (every key might be present), as in Cassandra.
 */
public final class BloomFilter {

  private final long[] words;
  private final long bits;
  private final int hashes;

  private BloomFilter(long[] words, long bits, int hashes) {
    this.words = words;
    this.bits = bits;
    this.hashes = hashes;
  }

  public static BloomFilter create(long expectedKeys, double fpChance) {
    if (fpChance >= 1.0) {
      return new BloomFilter(new long[0], 0, 0);
    }
    long n = Math.max(1, expectedKeys);
    long m = Math.max(64, (long) Math.ceil(-n * Math.log(fpChance) / (Math.log(2) * Math.log(2))));
    int k = Math.max(1, (int) Math.round((double) m / n * Math.log(2)));
    return new BloomFilter(new long[(int) ((m + 63) / 64)], m, k);
  }

  public void add(DecoratedKey key) {
    long h1 = key.token();
    long h2 = secondHash(key.key());
    for (int i = 0; i < hashes; i++) {
      long bit = Math.floorMod(h1 + i * h2, bits);
      words[(int) (bit >>> 6)] |= 1L << (bit & 63);
    }
  }

  public boolean mightContain(DecoratedKey key) {
    if (hashes == 0) {
      return true;
    }
    long h1 = key.token();
    long h2 = secondHash(key.key());
    for (int i = 0; i < hashes; i++) {
      long bit = Math.floorMod(h1 + i * h2, bits);
      if ((words[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
        return false;
      }
    }
    return true;
  }

  public int hashCount() {
    return hashes;
  }

  public long bitCount() {
    return bits;
  }

  /** FNV-1a 64 then a finalising mix; odd so double hashing visits distinct bits. */
  private static long secondHash(ByteBuffer key) {
    long h = 0xcbf29ce484222325L;
    for (int i = key.position(); i < key.limit(); i++) {
      h ^= key.get(i) & 0xFF;
      h *= 0x100000001b3L;
    }
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return h | 1;
  }

  void write(DataOutput out) throws IOException {
    out.writeInt(hashes);
    out.writeLong(bits);
    out.writeInt(words.length);
    for (long w : words) {
      out.writeLong(w);
    }
  }

  static BloomFilter read(ByteBuffer in) {
    int k = in.getInt();
    long m = in.getLong();
    long[] w = new long[in.getInt()];
    for (int i = 0; i < w.length; i++) {
      w[i] = in.getLong();
    }
    return new BloomFilter(w, m, k);
  }
}
