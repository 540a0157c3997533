package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;

/** A serialized partition key with its token; ordered by token, then by key bytes (unsigned). */
public record DecoratedKey(long token, ByteBuffer key) implements Comparable<DecoratedKey> {

  /** The token is already a well-mixed hash of the key (equal keys have equal tokens): no need to hash the bytes. */
  @Override
  public int hashCode() {
    return Long.hashCode(token);
  }

  @Override
  public int compareTo(DecoratedKey o) {
    int c = Long.compare(token, o.token);
    return c != 0 ? c : key.compareTo(o.key);
  }
}
