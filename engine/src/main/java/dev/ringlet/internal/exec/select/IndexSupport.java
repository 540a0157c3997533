package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.IndexMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which WHERE relations a table's secondary indexes serve, as Cassandra 5.0 decides it.
 *
 * <p>A legacy index serves one relation per query: equality on its column ({@code full()} for a
 * frozen collection), {@code CONTAINS} for {@code values()}, {@code CONTAINS KEY} for
 * {@code keys()}, {@code m[k] = v} for {@code entries()}. The SAI indexes of a table form one
 * group that serves all the relations any of them supports, and also ranges on non-literal types.
 * When both could serve a query, 5.0 picks the legacy index (SAI estimates {@code Long.MAX_VALUE}
 * rows unless {@code prioritize_sai_over_legacy_index}), and the SAI relations are filters, compared
 * without their index's analyser.
 * A served relation needs no ALLOW FILTERING; the rows are still found by evaluating it on every
 * candidate row (ADR 0010), so the answer is the same whatever the storage does.
 */
final class IndexSupport {

  private IndexSupport() {}

  /** The relations the chosen index (or SAI group) serves, among those that would otherwise filter. */
  static Set<Relation> served(TableMetadata table, List<Relation> candidates) {
    Set<Relation> sai = Collections.newSetFromMap(new IdentityHashMap<>());
    Relation legacy = null;
    for (Relation r : candidates) {
      for (IndexMetadata i : table.indexes().values()) {
        if (supports(table, i, r)) {
          if (i.isSai()) {
            sai.add(r);
          } else if (legacy == null) {
            legacy = r;
          }
        }
      }
    }
    if (legacy == null) {
      return sai;
    }
    Set<Relation> one = Collections.newSetFromMap(new IdentityHashMap<>());
    one.add(legacy);
    return one;
  }

  /** The SAI index on that column, or null. */
  static IndexMetadata saiOn(TableMetadata table, String column) {
    for (IndexMetadata i : table.indexesOn(column)) {
      if (i.isSai()) {
        return i;
      }
    }
    return null;
  }

  static boolean supports(TableMetadata table, IndexMetadata index, Relation r) {
    String column;
    Operator op;
    if (r instanceof Relation.Single s) {
      column = s.column();
      op = s.operator();
    } else if (r instanceof Relation.Element e) {
      column = e.column();
      op = e.operator();
    } else {
      return false;
    }
    ColumnMetadata c = table.column(column);
    if (c == null || !index.column().equals(c.name())) {
      return false;
    }
    IndexMetadata.TargetType target = index.targetType();
    if (r instanceof Relation.Element) {
      return op == Operator.EQ && target == IndexMetadata.TargetType.ENTRIES;
    }
    switch (op) {
      case EQ:
        return target == IndexMetadata.TargetType.SIMPLE || target == IndexMetadata.TargetType.FULL;
      case LT:
      case LTE:
      case GT:
      case GTE:
        return index.isSai() && target == IndexMetadata.TargetType.SIMPLE && !isLiteral(c.type());
      case CONTAINS:
        return target == IndexMetadata.TargetType.VALUES;
      case CONTAINS_KEY:
        return target == IndexMetadata.TargetType.KEYS;
      default:
        return false;
    }
  }

  /** SAI's literal types: only equality, no ranges. */
  private static boolean isLiteral(CqlType type) {
    return type == NativeType.TEXT || type == NativeType.ASCII || type == NativeType.BOOLEAN
        || !(type instanceof NativeType);
  }

  /** Whether an SAI index analyses its text values (case_sensitive, normalize, ascii options). */
  static boolean analyses(IndexMetadata index, CqlType type) {
    if (index == null || !index.isSai() || !(type == NativeType.TEXT || type == NativeType.ASCII)) {
      return false;
    }
    return "false".equalsIgnoreCase(index.options().get("case_sensitive")) || index.flag("normalize") || index.flag("ascii");
  }

  /** The text as the index's analyser sees it. */
  static String analyse(IndexMetadata index, String text) {
    String out = text;
    if (index.flag("normalize")) {
      out = Normalizer.normalize(out, Normalizer.Form.NFC);
    }
    if ("false".equalsIgnoreCase(index.options().get("case_sensitive"))) {
      out = out.toLowerCase(Locale.ROOT);
    }
    if (index.flag("ascii")) {
      out = Normalizer.normalize(out, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
    }
    return out;
  }

  /** Equality through the index's analyser. */
  static RowPredicate analysedEquals(IndexMetadata index, ColumnMetadata column, ByteBuffer value) {
    String wanted = analyse(index, StandardCharsets.UTF_8.decode(value.duplicate()).toString());
    return row -> {
      ByteBuffer actual = row.value(column);
      return actual != null && analyse(index, StandardCharsets.UTF_8.decode(actual.duplicate()).toString()).equals(wanted);
    };
  }

  /**
   * The SAI index that serves {@code CONTAINS} ({@code values()}) or {@code CONTAINS KEY}
   * ({@code keys()}) on a collection of text and analyses its terms; null when there is none.
   */
  static IndexMetadata analysingSai(TableMetadata table, ColumnMetadata column, Operator op) {
    boolean key = op == Operator.CONTAINS_KEY;
    CqlType term = key ? (column.type() instanceof MapType m ? m.key() : null)
        : column.type() instanceof ListType l ? l.element() : column.type() instanceof SetType st ? st.element()
        : column.type() instanceof MapType m ? m.value() : null;
    IndexMetadata.TargetType target = key ? IndexMetadata.TargetType.KEYS : IndexMetadata.TargetType.VALUES;
    for (IndexMetadata i : table.indexesOn(column.name())) {
      if (i.isSai() && i.targetType() == target && term != null && analyses(i, term)) {
        return i;
      }
    }
    return null;
  }

  /** {@code CONTAINS} / {@code CONTAINS KEY} through the index's analyser. */
  static RowPredicate analysedContains(IndexMetadata index, ColumnMetadata column, boolean key, ByteBuffer value) {
    String wanted = analyse(index, StandardCharsets.UTF_8.decode(value.duplicate()).toString());
    CqlType type = column.type();
    return row -> {
      ByteBuffer actual = row.value(column);
      if (actual == null) {
        return false;
      }
      Iterable<ByteBuffer> terms;
      if (type instanceof MapType m) {
        List<ByteBuffer> out = new ArrayList<>();
        m.entries(actual).forEach(e -> out.add(key ? e.getKey() : e.getValue()));
        terms = out;
      } else {
        terms = type instanceof ListType l ? l.elements(actual) : ((SetType) type).elements(actual);
      }
      for (ByteBuffer t : terms) {
        if (analyse(index, StandardCharsets.UTF_8.decode(t.duplicate()).toString()).equals(wanted)) {
          return true;
        }
      }
      return false;
    };
  }

  /** Non-key relations the analyzer should consider for an index (see {@link SelectAnalyzer}). */
  static List<Relation> candidates(TableMetadata table, List<Relation> where) {
    boolean partitionFull = partitionFullyRestricted(table, where);
    List<Relation> out = new ArrayList<>();
    for (Relation r : where) {
      String name = r instanceof Relation.Single s ? s.column() : r instanceof Relation.Element e ? e.column() : null;
      if (name == null) {
        continue;
      }
      ColumnMetadata c = table.column(name);
      if (c == null) {
        continue;
      }
      if (r instanceof Relation.Single s && c.isPrimaryKey() && partitionFull) {
        boolean keyOp = c.kind() == ColumnMetadata.Kind.CLUSTERING
            || s.operator() == Operator.EQ || s.operator() == Operator.IN;
        if (keyOp) {
          continue;
        }
      }
      out.add(r);
    }
    return out;
  }

  /** Every partition key column restricted by EQ or IN. */
  static boolean partitionFullyRestricted(TableMetadata table, List<Relation> where) {
    Map<String, Boolean> restricted = new java.util.HashMap<>();
    for (Relation r : where) {
      if (r instanceof Relation.Single s && (s.operator() == Operator.EQ || s.operator() == Operator.IN)) {
        restricted.put(s.column(), true);
      }
    }
    for (ColumnMetadata pk : table.partitionKey()) {
      if (!restricted.containsKey(pk.name())) {
        return false;
      }
    }
    return true;
  }

  /** Whether a relation is IN on a partition key column. */
  static boolean partitionIn(TableMetadata table, List<Relation> where) {
    for (Relation r : where) {
      if (r instanceof Relation.Single s && s.operator() == Operator.IN) {
        ColumnMetadata c = table.column(s.column());
        if (c != null && c.kind() == ColumnMetadata.Kind.PARTITION_KEY) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean isCollection(CqlType t) {
    return t instanceof ListType || t instanceof SetType || t instanceof MapType;
  }
}
