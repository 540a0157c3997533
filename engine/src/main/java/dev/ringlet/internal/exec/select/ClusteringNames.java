package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The whole clusterings a query names when every clustering column is restricted by {@code =} or
 * {@code IN}: Cassandra then reads only those rows (a names filter), so only their tombstones are
 * counted, and prints them ({@code c IN (1, 2)}) in the warning's query text.
 */
final class ClusteringNames {

  private final List<Function<BoundValues, List<ByteBuffer>>> columns;

  ClusteringNames(List<Function<BoundValues, List<ByteBuffer>>> columns) {
    this.columns = List.copyOf(columns);
  }

  /** The named clusterings in clustering order, without duplicates. */
  List<Clustering> bind(BoundValues values, ClusteringComparator comparator) {
    List<List<ByteBuffer>> prefixes = new ArrayList<>();
    prefixes.add(List.of());
    for (Function<BoundValues, List<ByteBuffer>> column : columns) {
      List<ByteBuffer> options = column.apply(values);
      List<List<ByteBuffer>> next = new ArrayList<>();
      for (List<ByteBuffer> prefix : prefixes) {
        for (ByteBuffer v : options) {
          if (v == null) {
            continue;
          }
          List<ByteBuffer> longer = new ArrayList<>(prefix);
          longer.add(v);
          next.add(longer);
        }
      }
      prefixes = next;
    }
    TreeSet<Clustering> sorted = new TreeSet<>(comparator);
    for (List<ByteBuffer> p : prefixes) {
      sorted.add(new Clustering(p));
    }
    return new ArrayList<>(sorted);
  }
}
