package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.cql.ast.Condition;
import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.ColumnSpec;
import dev.ringlet.internal.exec.TermCompiler;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
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
        access = new ConditionCheck.ElementAccess(key, (value, k) -> mapValue(m, value, k));
      } else if (type instanceof ListType l) {
        BoundTerm index = terms.compile(c.element(), spec(table, "idx(" + column.name() + ")", NativeType.INT));
        compared = l.element();
        access = new ConditionCheck.ElementAccess(index, (value, i) -> listElement(l, value, i));
      } else if (type instanceof dev.ringlet.internal.types.SetType) {
        throw CqlException.invalid("Invalid element access syntax for set column " + column.name());
      } else {
        throw CqlException.invalid("Invalid element access syntax for non-collection column " + column.name());
      }
    } else {
      if (!(type instanceof UserType u)) {
        // 5.0 casts the column's type to a UserType
        String name = marshalClass(type);
        throw CqlException.serverError("java.lang.ClassCastException: class " + name
            + " cannot be cast to class org.apache.cassandra.db.marshal.UserType (" + name
            + " and org.apache.cassandra.db.marshal.UserType are in unnamed module of loader 'app')");
      }
      int field = u.fieldNames().indexOf(c.field());
      if (field < 0) {
        throw CqlException.invalid("Unknown field " + c.field() + " for column " + column.name());
      }
      compared = u.fieldTypes().get(field);
      access = new ConditionCheck.ElementAccess(null, (value, unused) -> {
        if (value == null) {
          return null;
        }
        List<ByteBuffer> fields = u.split(value);
        return field < fields.size() ? fields.get(field) : null;
      });
    }
    ConditionValues.checkDurations(c.operator(), compared);
    String name = c.element() != null ? "value(" + column.name() + ")" : column.name() + "." + c.field();
    ConditionCheck.Values values = ConditionValues.compile(terms, c, spec(table, name, compared));
    return new ConditionCheck(column, c.operator(), values, compared, access);
  }

  /** The class 5.0's message names for a column's type that is no user type. */
  private static String marshalClass(CqlType type) {
    String simple;
    if (type instanceof NativeType n) {
      simple = n.marshalName();
    } else if (type instanceof dev.ringlet.internal.types.CustomType custom
        && dev.ringlet.internal.types.MarshalTypes.isReversed(custom.className())) {
      simple = "ReversedType";
    } else if (type instanceof dev.ringlet.internal.types.CustomType custom) {
      String name = custom.className().replaceAll("\\(.*", "");
      return name.contains(".") ? name : "org.apache.cassandra.db.marshal." + name;
    } else {
      simple = type.getClass().getSimpleName();
    }
    return "org.apache.cassandra.db.marshal." + simple;
  }

  private static ColumnSpec spec(TableMetadata table, String name, CqlType type) {
    return new ColumnSpec(table.keyspace(), table.name(), name, type);
  }

  private static ByteBuffer mapValue(MapType m, ByteBuffer value, ByteBuffer key) {
    if (key == null) {
      throw CqlException.invalid("Invalid null value for map element access");
    }
    if (value == null) {
      return null;
    }
    for (Map.Entry<ByteBuffer, ByteBuffer> e : m.entries(value)) {
      if (m.key().compare(e.getKey(), key) == 0) {
        return e.getValue();
      }
    }
    return null;
  }

  /**
   * 5.0 checks the index of a non-frozen list even when the row or column is missing, that of a
   * frozen one only against a value.
   */
  private static ByteBuffer listElement(ListType l, ByteBuffer value, ByteBuffer index) {
    if (index == null) {
      throw CqlException.invalid("Invalid null value for list element access");
    }
    if (value == null && !l.isMultiCell()) {
      return null;
    }
    int i = index.getInt(index.position());
    if (i < 0) {
      throw CqlException.invalid("Invalid negative list index " + i);
    }
    if (value == null) {
      return null;
    }
    List<ByteBuffer> elements = l.elements(value);
    return i < elements.size() ? elements.get(i) : null;
  }
}
