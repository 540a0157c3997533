package dev.ringlet.internal.storage;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The clustering values of a row (empty for the static row and for tables without clustering
 * columns), or a prefix of them in a bound. A null element is not allowed.
 */
public record Clustering(List<ByteBuffer> values) {

  public static final Clustering EMPTY = new Clustering(List.of());

  public Clustering {
    values = List.copyOf(values);
  }

  public int size() {
    return values.size();
  }

  public ByteBuffer get(int i) {
    return values.get(i);
  }
}
