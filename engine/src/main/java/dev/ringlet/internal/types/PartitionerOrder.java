package dev.ringlet.internal.types;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;

/**
 * The orders of 5.0's {@code PartitionerDefinedOrder(p)}: values compared as partition keys of
 * partitioner {@code p} are (5.0's {@code DecoratedKey} order), by token first, then by their bytes
 * unsigned. The empty value has the partitioner's minimum token, so it comes first.
 *
 * <p>{@code Murmur3Partitioner}: the {@code long} token of {@link Murmur3Partitioner#token}.
 * {@code RandomPartitioner}: the absolute value of the MD5 digest read as a signed big integer.
 */
final class PartitionerOrder {

  static final String MURMUR3 = Murmur3Partitioner.CLASS_NAME;
  static final String RANDOM = "org.apache.cassandra.dht.RandomPartitioner";

  private PartitionerOrder() {}

  /** The order of values under a partitioner ({@link #MURMUR3} or {@link #RANDOM}). */
  static Comparator<ByteBuffer> of(String partitionerClass) {
    if (MURMUR3.equals(partitionerClass)) {
      return PartitionerOrder::murmur3;
    }
    if (RANDOM.equals(partitionerClass)) {
      return PartitionerOrder::random;
    }
    throw new IllegalArgumentException("partitioner: " + partitionerClass + " (expected: " + MURMUR3 + " or " + RANDOM + ")");
  }

  private static int murmur3(ByteBuffer a, ByteBuffer b) {
    int byToken = Long.compare(murmur3Token(a), murmur3Token(b));
    return byToken != 0 ? byToken : Buffers.compareUnsigned(a, b);
  }

  private static long murmur3Token(ByteBuffer key) {
    return key.hasRemaining() ? Murmur3Partitioner.token(key) : Long.MIN_VALUE;
  }

  private static int random(ByteBuffer a, ByteBuffer b) {
    int byToken = randomToken(a).compareTo(randomToken(b));
    return byToken != 0 ? byToken : Buffers.compareUnsigned(a, b);
  }

  private static BigInteger randomToken(ByteBuffer key) {
    if (!key.hasRemaining()) {
      return BigInteger.ONE.negate(); // RandomPartitioner's MINIMUM
    }
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(key.duplicate());
      return new BigInteger(md5.digest()).abs();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }
}
