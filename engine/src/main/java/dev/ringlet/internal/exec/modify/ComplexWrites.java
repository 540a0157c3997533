package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.exec.select.CellPaths;
import dev.ringlet.internal.exec.select.ComplexValues;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.UserType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writes of non-frozen collection and user-type columns, one element cell at a time, as
 * Cassandra makes them: an overwrite deletes the old elements at {@code timestamp - 1} and writes
 * the new ones at {@code timestamp}; removals write element tombstones; list index operations read
 * the current list to find the element's path.
 */
final class ComplexWrites {

  private final ColumnMetadata column;
  private final WriteContext ctx;
  private final int ttl;
  private final RowCells cells;

  ComplexWrites(ColumnMetadata column, WriteContext ctx, int ttl, RowCells cells) {
    this.column = column;
    this.ctx = ctx;
    this.ttl = ttl;
    this.cells = cells;
  }

  private Cell live(ByteBuffer value) {
    return Cell.expiring(value, ctx.timestamp(), ttl, ctx.nowInSeconds());
  }

  private Cell tombstone() {
    return Cell.tombstone(ctx.timestamp(), ctx.nowInSeconds());
  }

  /** {@code col = value}: the old elements deleted just before the new ones. */
  void overwrite(ByteBuffer value) {
    cells.deleteElements(column.name(), new DeletionTime(ctx.timestamp() - 1, ctx.nowInSeconds()));
    if (value != null) {
      add(value);
    }
  }

  /** {@code DELETE col}. */
  void deleteAll() {
    cells.deleteElements(column.name(), new DeletionTime(ctx.timestamp(), ctx.nowInSeconds()));
  }

  /** {@code col = col + value}: list append, set union, map put. Null adds nothing. */
  void add(ByteBuffer value) {
    if (value == null) {
      return;
    }
    CqlType type = column.type();
    if (type instanceof ListType l) {
      List<ByteBuffer> elements = l.elements(value);
      ByteBuffer[] paths = CellPaths.append(elements.size(), ctx.uniqueMicros());
      for (int i = 0; i < paths.length; i++) {
        cells.putElement(column.name(), paths[i], live(elements.get(i)));
      }
    } else if (type instanceof SetType s) {
      for (ByteBuffer e : s.elements(value)) {
        cells.putElement(column.name(), e, live(ByteBuffer.allocate(0)));
      }
    } else if (type instanceof MapType m) {
      for (Map.Entry<ByteBuffer, ByteBuffer> e : m.entries(value)) {
        cells.putElement(column.name(), e.getKey(), live(e.getValue()));
      }
    } else {
      List<ByteBuffer> fields = ((UserType) type).split(value);
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i) != null) {
          cells.putElement(column.name(), CellPaths.field(i), live(fields.get(i)));
        }
      }
    }
  }

  /** {@code l = value + l}. */
  void prepend(ByteBuffer value) {
    if (value == null) {
      return;
    }
    List<ByteBuffer> elements = ((ListType) column.type()).elements(value);
    ByteBuffer[] paths = CellPaths.prepend(elements.size(), ctx.uniqueMicros());
    for (int i = 0; i < paths.length; i++) {
      cells.putElement(column.name(), paths[i], live(elements.get(i)));
    }
  }

  /** {@code col = col - value}: list elements equal to any given, set elements, map keys. */
  void subtract(ByteBuffer value, Map<ByteBuffer, Cell> current) {
    if (value == null) {
      return;
    }
    CqlType type = column.type();
    if (type instanceof ListType l) {
      List<ByteBuffer> removed = l.elements(value);
      for (Map.Entry<ByteBuffer, Cell> e : current.entrySet()) {
        if (removed.contains(e.getValue().value())) {
          cells.putElement(column.name(), e.getKey(), tombstone());
        }
      }
      return;
    }
    CqlType keyType = type instanceof SetType s ? s.element() : ((MapType) type).key();
    Map<ByteBuffer, Cell> removed = new java.util.HashMap<>();
    for (ByteBuffer key : new SetType(keyType, true).elements(value)) {
      removed.put(key, tombstone());
    }
    cells.putElements(column.name(), removed);
  }

  /** {@code l[index] = value} or {@code m[key] = value}; a null value deletes the element. */
  void setElement(ByteBuffer key, ByteBuffer value, Map<ByteBuffer, Cell> current) {
    if (column.type() instanceof ListType) {
      ByteBuffer path = listPath(key, current, "Attempted to set an element on a list which is null");
      cells.putElement(column.name(), path, value == null ? tombstone() : live(value));
      return;
    }
    cells.putElement(column.name(), mapKey(key), value == null ? tombstone() : live(value));
  }

  /** {@code DELETE l[index]}, {@code DELETE s[element]}, {@code DELETE m[key]}. */
  void deleteElement(ByteBuffer key, Map<ByteBuffer, Cell> current) {
    CqlType type = column.type();
    if (type instanceof ListType) {
      cells.putElement(column.name(), listPath(key, current, "Attempted to delete an element from a list which is null"), tombstone());
    } else if (type instanceof SetType) {
      if (key == null) {
        throw CqlException.invalid("Invalid null set element");
      }
      cells.putElement(column.name(), key, tombstone());
    } else {
      cells.putElement(column.name(), mapKey(key), tombstone());
    }
  }

  /** {@code u.field = value} (null deletes the field) and {@code DELETE u.field}. */
  void setField(int field, ByteBuffer value) {
    cells.putElement(column.name(), CellPaths.field(field), value == null ? tombstone() : live(value));
  }

  private static ByteBuffer mapKey(ByteBuffer key) {
    if (key == null) {
      throw CqlException.invalid("Invalid null map key");
    }
    if (key == QueryOptions.UNSET) {
      throw CqlException.invalid("Invalid unset map key");
    }
    return key;
  }

  private ByteBuffer listPath(ByteBuffer index, Map<ByteBuffer, Cell> current, String whenNull) {
    if (index == null) {
      throw CqlException.invalid("Invalid null value for list index");
    }
    if (index == QueryOptions.UNSET) {
      throw CqlException.invalid("Invalid unset value for list index");
    }
    int i = index.getInt(index.position());
    if (current.isEmpty()) {
      throw CqlException.invalid(whenNull);
    }
    if (i < 0 || i >= current.size()) {
      throw CqlException.invalid("List index " + i + " out of bound, list has size " + current.size());
    }
    List<Map.Entry<ByteBuffer, Cell>> ordered = new ArrayList<>(ComplexValues.ordered(column.type(), current));
    return ordered.get(i).getKey();
  }
}
