package dev.ringlet.internal.exec.ddl;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.IndexMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The options of a storage-attached index, checked in 5.0's order: the text analysis options
 * ({@code case_sensitive}, {@code normalize}, {@code ascii}: not on key columns, only on text
 * terms, boolean values), the vector options, then the options SAI does not know at all.
 */
final class SaiOptions {

  /** 5.0.9's {@code StorageAttachedIndex.VALID_OPTIONS}. */
  private static final Set<String> VALID = Set.of("target", "class_name", "maximum_node_connections",
      "construction_beam_width", "similarity_function", "optimize_for", "case_sensitive", "normalize", "ascii");
  private static final Set<String> ANALYSIS = Set.of("case_sensitive", "normalize", "ascii");
  private static final Set<String> VECTOR = Set.of("maximum_node_connections", "construction_beam_width",
      "similarity_function", "optimize_for");

  private SaiOptions() {}

  static void validate(ColumnMetadata column, IndexMetadata index) {
    // 5.0 collects them into a HashMap: a message naming several lists them in its order
    Map<String, String> analysis = new HashMap<>();
    index.options().forEach((k, v) -> {
      if (ANALYSIS.contains(k)) {
        analysis.put(k, v);
      }
    });
    if (column.isPrimaryKey() && !analysis.isEmpty()) {
      throw CqlException.invalid("Analysis options are not supported on primary key columns, but found "
          + analysis.entrySet().stream().map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'")
              .collect(Collectors.joining(", ", "{", "}")));
    }
    CqlType term = termType(column.type(), index.targetType());
    if (!analysis.isEmpty()) {
      if (term != NativeType.TEXT && term != NativeType.ASCII) {
        throw CqlException.invalid("CQL type " + term.cql() + " cannot be analyzed.");
      }
      analysis.forEach(SaiOptions::checkBoolean);
    }
    if (!(column.type() instanceof VectorType v)) {
      for (String key : VECTOR) {
        if (index.options().containsKey(key)) {
          throw CqlException.invalid("CQL type " + column.type().cql() + " cannot have vector options");
        }
      }
    } else {
      String similarity = index.options().get("similarity_function");
      if (similarity != null) {
        String upper = similarity.toUpperCase(Locale.ROOT);
        if (!List.of("EUCLIDEAN", "DOT_PRODUCT", "COSINE").contains(upper)) {
          throw CqlException.invalid("Similarity function " + upper + " was not recognized for index null."
              + " Valid values are: EUCLIDEAN, DOT_PRODUCT, COSINE");
        }
      }
      if (v.element() != NativeType.FLOAT) {
        throw CqlException.invalid("SAI ANN indexes are only allowed on vector columns with float elements");
      }
      if (v.dimension() == 1 && (similarity == null || similarity.equalsIgnoreCase("cosine"))) {
        throw CqlException.invalid("Cosine similarity is not supported for single-dimension vectors");
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String key : index.options().keySet()) {
      if (!VALID.contains(key)) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw CqlException.config("Properties specified " + unknown + " are not understood by StorageAttachedIndex");
    }
  }

  /** The type of the terms the index holds: an element, key or value of a collection, or the column's. */
  private static CqlType termType(CqlType type, IndexMetadata.TargetType target) {
    switch (target) {
      case VALUES:
        return type instanceof ListType l ? l.element() : type instanceof SetType s ? s.element() : ((MapType) type).value();
      case KEYS:
        return ((MapType) type).key();
      default:
        return type;
    }
  }

  private static void checkBoolean(String option, String value) {
    if (value == null || value.isEmpty()) {
      throw CqlException.invalid("Empty value for boolean option '" + option + "'");
    }
    if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
      throw CqlException.invalid("Illegal value for boolean option '" + option + "': " + value);
    }
  }
}
