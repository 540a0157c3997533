package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.ListValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Clustering;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The clustering prefix a write names: per column its EQ term, IN terms, or an {@code IN ?}
 * marker. Binds to every combination (several rows for IN).
 */
record ClusteringPlan(List<ColumnMetadata> columns, List<List<BoundTerm>> terms, List<BoundTerm> inMarkers, boolean single) {

  private static final List<Clustering> ONE_EMPTY = List.of(Clustering.EMPTY);

  ClusteringPlan(List<ColumnMetadata> columns, List<List<BoundTerm>> terms, List<BoundTerm> inMarkers) {
    this(columns, terms, inMarkers, singleRow(terms, inMarkers));
  }

  /** Whether every column has one EQ term: the plan names one row, whatever is bound (known when prepared). */
  private static boolean singleRow(List<List<BoundTerm>> terms, List<BoundTerm> inMarkers) {
    for (int i = 0; i < terms.size(); i++) {
      if (inMarkers.get(i) != null || terms.get(i).size() != 1) {
        return false;
      }
    }
    return true;
  }

  /** The one row of a plan of EQ terms only: the same checks, in the same order, as the general case. */
  private Clustering bindSingle(BoundValues values) {
    ByteBuffer[] bound = new ByteBuffer[columns.size()];
    for (int i = 0; i < bound.length; i++) {
      ColumnMetadata c = columns.get(i);
      ByteBuffer v = terms.get(i).get(0).bind(values);
      if (v == null) {
        throw CqlException.invalid("Invalid null value in condition for column " + c.name());
      }
      if (v == QueryOptions.UNSET) {
        throw CqlException.invalid("Invalid unset value for column " + c.name());
      }
      validateLiteral(c, v);
      bound[i] = v;
    }
    return new Clustering(List.of(bound));
  }

  /**
   * 5.0 validates bound values when binding them, and a clustering literal of a composite type not
   * at all (a blob's bytes need not be a composite; other types' literals are valid once parsed).
   * Its memtable fails the write when comparing bytes that end too early with another row's; Ringlet
   * refuses such bytes before writing them, so no log or table ever holds an uncomparable key.
   */
  private static void validateLiteral(ColumnMetadata c, ByteBuffer v) {
    if (c.type() instanceof dev.ringlet.internal.types.CustomType custom && custom.isComposite()) {
      custom.checkComparable(v);
    } else if (c.type() instanceof dev.ringlet.internal.types.CustomType custom && custom.isPartitionerOrder()) {
      return; // 5.0 takes a PartitionerDefinedOrder's blob literal unchecked (it cannot validate any value)
    } else {
      c.type().validate(v);
    }
  }

  List<Clustering> bind(BoundValues values) {
    if (columns.isEmpty()) {
      return ONE_EMPTY;
    }
    if (single) {
      return List.of(bindSingle(values));
    }
    List<List<ByteBuffer>> combos = new ArrayList<>();
    combos.add(List.of());
    for (int i = 0; i < columns.size(); i++) {
      ColumnMetadata c = columns.get(i);
      List<ByteBuffer> options = new ArrayList<>();
      if (inMarkers.get(i) != null) {
        ByteBuffer list = inMarkers.get(i).bind(values);
        if (list == null) {
          throw CqlException.invalid("Invalid null value for clustering key part " + c.name());
        }
        options.addAll(ListValues.split(list));
      } else {
        for (BoundTerm t : terms.get(i)) {
          options.add(t.bind(values));
        }
      }
      List<List<ByteBuffer>> next = new ArrayList<>();
      for (ByteBuffer v : options) {
        if (v == null) {
          throw CqlException.invalid("Invalid null value in condition for column " + c.name());
        }
        if (v == QueryOptions.UNSET) {
          throw CqlException.invalid("Invalid unset value for column " + c.name());
        }
        validateLiteral(c, v);
        for (List<ByteBuffer> prefix : combos) {
          List<ByteBuffer> n = new ArrayList<>(prefix);
          n.add(v);
          next.add(n);
        }
      }
      combos = next;
    }
    List<Clustering> out = new ArrayList<>();
    for (List<ByteBuffer> c : combos) {
      out.add(new Clustering(c));
    }
    return out;
  }
}
