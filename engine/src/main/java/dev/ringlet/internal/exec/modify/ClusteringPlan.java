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
record ClusteringPlan(List<ColumnMetadata> columns, List<List<BoundTerm>> terms, List<BoundTerm> inMarkers) {

  List<Clustering> bind(BoundValues values) {
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
        c.type().validate(v);
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
