package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;

/** A serialized partition key with its token; ordered by token, then by key bytes (unsigned). */
public record DecoratedKey(long token, ByteBuffer key) implements Comparable<DecoratedKey> {

  @Override
  public int compareTo(DecoratedKey o) {
    int c = Long.compare(token, o.token);
    return c != 0 ? c : key.compareTo(o.key);
  }
}
