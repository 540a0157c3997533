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
  /** A multi-column IN's clusterings, or null: the product of each column's values. */
  private final Function<BoundValues, List<List<ByteBuffer>>> tuples;

  ClusteringNames(List<Function<BoundValues, List<ByteBuffer>>> columns) {
    this.columns = List.copyOf(columns);
    this.tuples = null;
  }

  private ClusteringNames(Function<BoundValues, List<List<ByteBuffer>>> tuples) {
    this.columns = List.of();
    this.tuples = tuples;
  }

  /** The clusterings a multi-column {@code IN} names, each a value of every clustering column. */
  static ClusteringNames ofTuples(Function<BoundValues, List<List<ByteBuffer>>> tuples) {
    return new ClusteringNames(tuples);
  }

  /** The named clusterings in clustering order, without duplicates. */
  List<Clustering> bind(BoundValues values, ClusteringComparator comparator) {
    if (tuples != null) {
      TreeSet<Clustering> sorted = new TreeSet<>(comparator);
      for (List<ByteBuffer> t : tuples.apply(values)) {
        if (!t.contains(null)) {
          sorted.add(new Clustering(t));
        }
      }
      return new ArrayList<>(sorted);
    }
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
