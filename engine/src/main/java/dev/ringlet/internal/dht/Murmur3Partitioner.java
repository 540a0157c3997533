package dev.ringlet.internal.dht;

import java.nio.ByteBuffer;

/**
 * Cassandra's {@code Murmur3Partitioner}: the token of a partition key is the first 64 bits of the
 * x64 128-bit MurmurHash3 of the serialized key (seed 0), with {@code Long.MIN_VALUE} mapped to
 * {@code Long.MAX_VALUE}. Must agree bit for bit with Cassandra, since drivers route by it.
 * STUB: the types work fills this in.
 */
public final class Murmur3Partitioner {

  public static final String CLASS_NAME = "org.apache.cassandra.dht.Murmur3Partitioner";

  private Murmur3Partitioner() {}

  /** The token of a serialized partition key (for compound keys, the composite serialization). */
  public static long token(ByteBuffer partitionKey) {
    throw new UnsupportedOperationException("TODO murmur3");
  }
}
