package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.cql.ast.Term;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LWT conditions on one element or field: {@code IF m[key] op v}, {@code IF l[index] op v},
 * {@code IF u.field op v}, on frozen and non-frozen columns. A missing element compares as null.
 */
final class ElementConditions {

  private ElementConditions() {}

  /**
   * {@code IF c CONTAINS v} / {@code IF c CONTAINS KEY k}: 5.0's refusals on a column that is no
   * collection (a column's {@code ReversedType} of one included) or no map.
   */
  static void checkContains(ColumnMetadata column, Operator operator) {
    CqlType type = column.type();
    if (operator == Operator.CONTAINS_KEY && !(type instanceof MapType)) {
      throw CqlException.invalid("Cannot use CONTAINS KEY on non-map column " + column.name());
    }
    if (operator == Operator.CONTAINS
        && !(type instanceof MapType || type instanceof ListType || type instanceof dev.ringlet.internal.types.SetType)) {
      throw CqlException.invalid("Cannot use CONTAINS on non-collection column " + column.name());
    }
  }

  static ConditionCheck compile(TableMetadata table, TermCompiler terms, ColumnMetadata column, Condition c) {
    CqlType type = column.type();
    CqlType compared;
    ConditionCheck.ElementAccess access;
    if (c.element() != null) {
      if (type instanceof MapType m) {
        BoundTerm key = terms.compile(c.element(), spec(table, "key(" + column.name() + ")", m.key()));
        compared = m.value();
        access = (value, values) -> mapValue(m, value, key.bind(values));
      } else if (type instanceof ListType l) {
        BoundTerm index = terms.compile(c.element(), spec(table, "idx(" + column.name() + ")", dev.ringlet.internal.types.NativeType.INT));
        compared = l.element();
        access = (value, values) -> listElement(l, value, index.bind(values));
      } else {
        throw CqlException.invalid("Invalid element access syntax for non-collection column " + column.name());
      }
    } else {
      if (type instanceof dev.ringlet.internal.types.CustomType custom
          && dev.ringlet.internal.types.CustomType.unreversed(custom) instanceof UserType) {
        // 5.0 casts the column's ReversedType to a UserType
        throw CqlException.serverError("java.lang.ClassCastException: class org.apache.cassandra.db.marshal.ReversedType"
            + " cannot be cast to class org.apache.cassandra.db.marshal.UserType (org.apache.cassandra.db.marshal.ReversedType"
            + " and org.apache.cassandra.db.marshal.UserType are in unnamed module of loader 'app')");
      }
      if (!(type instanceof UserType u)) {
        throw CqlException.invalid("Invalid field access syntax for non-UDT column " + column.name());
      }
      int field = u.fieldNames().indexOf(c.field());
      if (field < 0) {
        throw CqlException.invalid("Unknown field " + c.field() + " for column " + column.name());
      }
      compared = u.fieldTypes().get(field);
      access = (value, values) -> {
        List<ByteBuffer> fields = u.split(value);
        return field < fields.size() ? fields.get(field) : null;
      };
    }
    String name = c.element() != null ? "value(" + column.name() + ")" : column.name() + "." + c.field();
    ColumnSpec valueSpec = spec(table, name, compared);
    if (c.operator() == Operator.IN) {
      List<BoundTerm> ins = new ArrayList<>();
      for (Term t : c.inValues() == null ? List.<Term>of() : c.inValues()) {
        ins.add(terms.compile(t, valueSpec));
      }
      return new ConditionCheck(column, Operator.IN, null, ins, compared, access);
    }
    return new ConditionCheck(column, c.operator(), terms.compile(c.value(), valueSpec), List.of(), compared, access);
  }

  private static ColumnSpec spec(TableMetadata table, String name, CqlType type) {
    return new ColumnSpec(table.keyspace(), table.name(), name, type);
  }

  private static ByteBuffer mapValue(MapType m, ByteBuffer value, ByteBuffer key) {
    if (key == null) {
      throw CqlException.invalid("Invalid null value for map element access");
    }
    for (Map.Entry<ByteBuffer, ByteBuffer> e : m.entries(value)) {
      if (m.key().compare(e.getKey(), key) == 0) {
        return e.getValue();
      }
    }
    return null;
  }

  private static ByteBuffer listElement(ListType l, ByteBuffer value, ByteBuffer index) {
    if (index == null) {
      throw CqlException.invalid("Invalid null value for list index");
    }
    int i = index.getInt(index.position());
    List<ByteBuffer> elements = l.elements(value);
    return i >= 0 && i < elements.size() ? elements.get(i) : null;
  }
}
