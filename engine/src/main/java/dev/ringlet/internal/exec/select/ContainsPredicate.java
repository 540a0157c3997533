package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import java.nio.ByteBuffer;
import java.util.Map;

/** {@code col CONTAINS value} on a list, set or map value, or {@code col CONTAINS KEY key} on a map. */
record ContainsPredicate(ColumnMetadata column, boolean key, ByteBuffer value) implements RowPredicate {

  /** The type of a CONTAINS operand: the element type of a list or set, the value type of a map. */
  static CqlType valueType(CqlType collection) {
    if (collection instanceof ListType l) {
      return l.element();
    }
    if (collection instanceof SetType s) {
      return s.element();
    }
    return ((MapType) collection).value();
  }

  @Override
  public boolean test(RowAccess row) {
    ByteBuffer actual = row.value(column);
    if (actual == null) {
      return false;
    }
    CqlType type = column.type();
    if (type instanceof MapType m) {
      for (Map.Entry<ByteBuffer, ByteBuffer> e : m.entries(actual)) {
        if (key ? m.key().compare(e.getKey(), value) == 0 : m.value().compare(e.getValue(), value) == 0) {
          return true;
        }
      }
      return false;
    }
    CqlType element = valueType(type);
    Iterable<ByteBuffer> elements = type instanceof ListType l ? l.elements(actual) : ((SetType) type).elements(actual);
    for (ByteBuffer e : elements) {
      if (element.compare(e, value) == 0) {
        return true;
      }
    }
    return false;
  }
}
