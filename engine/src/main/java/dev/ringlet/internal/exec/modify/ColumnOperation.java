package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundTerm;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.exec.QueryOptions;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.ListType;
import java.nio.ByteBuffer;
import java.util.Map;

/**
 * What a write does to one column: set it to a value (null deletes it, unset leaves it alone), add
 * to / subtract from a counter, or one of the element operations of non-frozen collections and
 * user types ({@code element} is the list index or map key term, {@code field} the user-type field
 * index; both unused otherwise).
 */
record ColumnOperation(ColumnMetadata column, BoundTerm value, Kind kind, BoundTerm element, int field) {

  enum Kind {
    SET,
    COUNTER_ADD,
    COUNTER_SUBTRACT,
    ADD,
    PREPEND,
    SUBTRACT,
    SET_ELEMENT,
    SET_FIELD,
    DELETE,
    DELETE_ELEMENT,
    DELETE_FIELD
  }

  ColumnOperation(ColumnMetadata column, BoundTerm value) {
    this(column, value, Kind.SET);
  }

  ColumnOperation(ColumnMetadata column, BoundTerm value, Kind kind) {
    this(column, value, kind, null, -1);
  }

  /** Whether the operation needs the current value of the column (list index and list removal). */
  boolean readsCurrent() {
    return column.type() instanceof ListType && column.type().isMultiCell()
        && (kind == Kind.SUBTRACT || kind == Kind.SET_ELEMENT || kind == Kind.DELETE_ELEMENT);
  }

  /** Applies the operation; {@code current} is the column's live elements (empty unless {@link #readsCurrent}). */
  void apply(BoundValues values, WriteContext ctx, int ttl, RowCells cells, Map<ByteBuffer, Cell> current) {
    ByteBuffer v = value == null ? null : value.bind(values);
    if (v == QueryOptions.UNSET) {
      return;
    }
    switch (kind) {
      case COUNTER_ADD:
      case COUNTER_SUBTRACT:
        counter(v, ctx, cells);
        return;
      case SET:
        set(v, ctx, ttl, cells);
        return;
      case DELETE:
        if (column.type().isMultiCell()) {
          new ComplexWrites(column, ctx, ttl, cells).deleteAll();
        } else {
          cells.put(column.name(), Cell.tombstone(ctx.timestamp(), ctx.nowInSeconds()));
        }
        return;
      default:
        complex(v, values, new ComplexWrites(column, ctx, ttl, cells), current);
    }
  }

  private void counter(ByteBuffer v, WriteContext ctx, RowCells cells) {
    if (v == null) {
      throw CqlException.invalid("Invalid null value for counter increment");
    }
    long delta = v.getLong(v.position());
    cells.put(column.name(), Cell.counterDelta(kind == Kind.COUNTER_ADD ? delta : -delta, ctx.timestamp()));
  }

  private void set(ByteBuffer v, WriteContext ctx, int ttl, RowCells cells) {
    if (column.type().isMultiCell()) {
      new ComplexWrites(column, ctx, ttl, cells).overwrite(v);
    } else if (v == null) {
      cells.put(column.name(), Cell.tombstone(ctx.timestamp(), ctx.nowInSeconds()));
    } else {
      cells.put(column.name(), Cell.expiring(v, ctx.timestamp(), ttl, ctx.nowInSeconds()));
    }
  }

  private void complex(ByteBuffer v, BoundValues values, ComplexWrites writes, Map<ByteBuffer, Cell> current) {
    switch (kind) {
      case ADD:
        writes.add(v);
        return;
      case PREPEND:
        writes.prepend(v);
        return;
      case SUBTRACT:
        writes.subtract(v, current);
        return;
      case SET_ELEMENT:
        writes.setElement(element.bind(values), v, current);
        return;
      case DELETE_ELEMENT:
        writes.deleteElement(element.bind(values), current);
        return;
      default:
        writes.setField(field, kind == Kind.DELETE_FIELD ? null : v);
    }
  }
}
