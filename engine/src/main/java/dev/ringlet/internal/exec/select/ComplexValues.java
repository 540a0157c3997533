package dev.ringlet.internal.exec.select;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Reads a non-frozen collection or user-type column back from its element cells: orders the cell
 * paths as the type does (list: element timeuuid; set: element; map: key; user type: field index)
 * and serializes the live elements as the frozen value the client expects. No element: null.
 */
public final class ComplexValues {

  private ComplexValues() {}

  /** The live element cells ordered by path. */
  public static List<Map.Entry<ByteBuffer, Cell>> ordered(CqlType type, Map<ByteBuffer, Cell> elements) {
    List<Map.Entry<ByteBuffer, Cell>> sorted = new ArrayList<>(elements.entrySet());
    Comparator<ByteBuffer> order = pathOrder(type);
    sorted.sort((a, b) -> order.compare(a.getKey(), b.getKey()));
    return sorted;
  }

  /** The column's value as one cell (value serialized, timestamp the latest element's); null when empty. */
  public static Cell assemble(CqlType type, Map<ByteBuffer, Cell> elements) {
    if (elements.isEmpty()) {
      return null;
    }
    List<Map.Entry<ByteBuffer, Cell>> sorted = ordered(type, elements);
    long timestamp = Long.MIN_VALUE;
    for (Map.Entry<ByteBuffer, Cell> e : sorted) {
      timestamp = Math.max(timestamp, e.getValue().timestamp());
    }
    return Cell.live(serialize(type, sorted), timestamp);
  }

  private static ByteBuffer serialize(CqlType type, List<Map.Entry<ByteBuffer, Cell>> sorted) {
    if (type instanceof ListType l) {
      List<ByteBuffer> values = new ArrayList<>();
      sorted.forEach(e -> values.add(e.getValue().value()));
      return l.pack(values);
    }
    if (type instanceof SetType s) {
      List<ByteBuffer> values = new ArrayList<>();
      sorted.forEach(e -> values.add(e.getKey()));
      return s.pack(values);
    }
    if (type instanceof MapType m) {
      List<Map.Entry<ByteBuffer, ByteBuffer>> entries = new ArrayList<>();
      sorted.forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue().value())));
      return m.pack(entries);
    }
    UserType u = (UserType) type;
    List<ByteBuffer> fields = new ArrayList<>();
    for (int i = 0; i < u.fieldTypes().size(); i++) {
      fields.add(null);
    }
    for (Map.Entry<ByteBuffer, Cell> e : sorted) {
      int index = CellPaths.fieldIndex(e.getKey());
      if (index < fields.size()) {
        fields.set(index, e.getValue().value());
      }
    }
    return u.pack(fields);
  }

  private static Comparator<ByteBuffer> pathOrder(CqlType type) {
    if (type instanceof ListType) {
      return NativeType.TIMEUUID::compare;
    }
    if (type instanceof SetType s) {
      return s.element()::compare;
    }
    if (type instanceof MapType m) {
      return m.key()::compare;
    }
    return Comparator.comparingInt(CellPaths::fieldIndex);
  }
}
