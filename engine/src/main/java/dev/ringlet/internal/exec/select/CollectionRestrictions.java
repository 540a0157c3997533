package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Relation;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.ListType;
import java.nio.ByteBuffer;

/**
 * Restrictions on collection columns: {@code CONTAINS}, {@code CONTAINS KEY} and map entries
 * ({@code m[k] = v}), with Cassandra's checks, as predicates and as the row filter expressions
 * they travel as to the replicas (an index may serve them).
 */
final class CollectionRestrictions {

  private final TableMetadata table;
  private final TermCompiler terms;

  CollectionRestrictions(TableMetadata table, TermCompiler terms) {
    this.table = table;
    this.terms = terms;
  }

  private ColumnSpec spec(String name, dev.ringlet.internal.types.CqlType type) {
    return new ColumnSpec(table.keyspace(), table.name(), name, type);
  }

  private static ByteBuffer checked(ColumnMetadata c, ByteBuffer v) {
    if (v == null) {
      throw CqlException.invalid("Unsupported null value for column " + c.name());
    }
    if (v == QueryOptions.UNSET) {
      throw CqlException.invalid("Invalid unset value for column " + c.name());
    }
    return v;
  }

  /** A compiled restriction: its predicate on rows, and the row filter expression it travels as. */
  record Compiled(RowPredicate.Factory predicate, RowFilter.Factory expression) {}

  /** {@code col CONTAINS v} / {@code col CONTAINS KEY k}, compared as they are. */
  Compiled contains(ColumnMetadata c, Relation.Single s) {
    return contains(c, s, null);
  }

  /**
   * {@code col CONTAINS v} / {@code col CONTAINS KEY k}, with Cassandra's checks; with {@code analysing}, an SAI
   * index whose analyser sees elements (or keys) and the operand alike, as 5.0's index compares them.
   */
  Compiled contains(ColumnMetadata c, Relation.Single s, dev.ringlet.internal.schema.IndexMetadata analysing) {
    dev.ringlet.internal.types.CqlType type = c.type();
    boolean key = s.operator() == Operator.CONTAINS_KEY;
    // 5.0 checks CONTAINS KEY's map first; a column's ReversedType of a collection is no collection to it
    if (key && !(type instanceof dev.ringlet.internal.types.MapType)) {
      throw CqlException.invalid("Cannot use CONTAINS KEY on non-map column " + c.name());
    }
    if (!(type instanceof ListType || type instanceof dev.ringlet.internal.types.SetType
        || type instanceof dev.ringlet.internal.types.MapType)) {
      throw CqlException.invalid("Cannot use " + s.operator() + " on non-collection column " + c.name());
    }
    ColumnSpec receiver = key
        ? spec("key(" + c.name() + ")", ((dev.ringlet.internal.types.MapType) type).key())
        : spec("value(" + c.name() + ")", ContainsPredicate.valueType(type));
    BoundTerm value = terms.compile(s.value(), receiver);
    RowPredicate.Factory predicate = analysing != null
        ? values -> IndexSupport.analysedContains(analysing, c, key, checked(c, value.bind(values)))
        : values -> new ContainsPredicate(c, key, checked(c, value.bind(values)));
    return new Compiled(predicate,
        values -> new RowFilter.Expression(RowFilter.Kind.CONTAINS, c.name(), s.operator(),
            java.util.Collections.singletonList(value.bind(values))));
  }

  /** {@code m[key] = value} on a non-frozen map, with Cassandra's checks. */
  Compiled mapEntry(ColumnMetadata c, Relation.Element e) {
    if (c.type() instanceof ListType) {
      throw CqlException.invalid("Indexes on list entries (" + c.name() + "[index] = value) are not currently supported.");
    }
    if (!(c.type() instanceof dev.ringlet.internal.types.MapType m)) {
      throw CqlException.invalid("Column " + c.name() + " cannot be used as a map");
    }
    if (!m.isMultiCell()) {
      throw CqlException.invalid("Map-entry predicates on frozen map column are not supported");
    }
    if (e.operator() != Operator.EQ) {
      throw CqlException.invalid("Only EQ relations are supported on map entries");
    }
    BoundTerm key = terms.compile(e.key(), spec("key(" + c.name() + ")", m.key()));
    BoundTerm value = terms.compile(e.value(), spec("value(" + c.name() + ")", m.value()));
    return new Compiled(values -> mapEntry(c, checked(c, key.bind(values)), checked(c, value.bind(values))),
        values -> new RowFilter.Expression(RowFilter.Kind.MAP_ENTRY, c.name(), Operator.EQ,
            java.util.Arrays.asList(key.bind(values), value.bind(values))));
  }

  /** The rows whose map {@code c} holds {@code value} at {@code key}. */
  static RowPredicate mapEntry(ColumnMetadata c, ByteBuffer key, ByteBuffer value) {
    dev.ringlet.internal.types.MapType m = (dev.ringlet.internal.types.MapType) c.type();
    return row -> {
      ByteBuffer actual = row.value(c);
      if (actual == null) {
        return false;
      }
      for (java.util.Map.Entry<ByteBuffer, ByteBuffer> entry : m.entries(actual)) {
        if (m.key().compare(entry.getKey(), key) == 0) {
          return m.value().compare(entry.getValue(), value) == 0;
        }
      }
      return false;
    };
  }
}
