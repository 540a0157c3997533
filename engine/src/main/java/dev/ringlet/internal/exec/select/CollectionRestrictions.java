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
 * ({@code m[k] = v}), with Cassandra's checks. Without secondary indexes they always filter.
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

  /** {@code col CONTAINS v} / {@code col CONTAINS KEY k}: always filtering, as there are no indexes. */
  RowPredicate.Factory contains(ColumnMetadata c, Relation.Single s) {
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
    return values -> new ContainsPredicate(c, key, checked(c, value.bind(values)));
  }

  /** {@code m[key] = value} on a non-frozen map: filtering, as there are no indexes. */
  RowPredicate.Factory mapEntry(ColumnMetadata c, Relation.Element e) {
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
    return values -> {
      ByteBuffer k = checked(c, key.bind(values));
      ByteBuffer v = checked(c, value.bind(values));
      return row -> {
        ByteBuffer actual = row.value(c);
        if (actual == null) {
          return false;
        }
        for (java.util.Map.Entry<ByteBuffer, ByteBuffer> entry : m.entries(actual)) {
          if (m.key().compare(entry.getKey(), k) == 0) {
            return m.value().compare(entry.getValue(), v) == 0;
          }
        }
        return false;
      };
    };
  }
}
