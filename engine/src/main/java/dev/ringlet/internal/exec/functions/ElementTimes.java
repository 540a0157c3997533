package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.exec.select.ComplexValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;

/**
 * {@code WRITETIME} and {@code TTL} of a non-frozen collection or user type, as Cassandra 5.0
 * answers them: a list with one entry per live element in element order (for TTL, null for an
 * element that does not expire); null when the column has no element.
 */
final class ElementTimes {

  private ElementTimes() {}

  static CompiledSelector selector(String name, ColumnMetadata c, boolean ttl) {
    ListType type = new ListType(ttl ? NativeType.INT : NativeType.BIGINT, false);
    return CompiledSelector.perRow(name, type, c.isStatic(), (row, values) -> {
      List<Map.Entry<ByteBuffer, Cell>> elements = ComplexValues.ordered(c.type(), row.elements(c));
      if (elements.isEmpty()) {
        return null;
      }
      ByteBuffer[] entries = new ByteBuffer[elements.size()];
      for (int i = 0; i < entries.length; i++) {
        Cell cell = elements.get(i).getValue();
        if (!ttl) {
          entries[i] = NativeType.BIGINT.encode(cell.timestamp());
        } else if (cell.ttl() != 0) {
          entries[i] = NativeType.INT.encode(cell.remainingTtl(row.nowInSeconds()));
        }
      }
      return listWithNulls(entries);
    });
  }

  /** A serialized list whose null entries are written with length -1, as Cassandra does here. */
  private static ByteBuffer listWithNulls(ByteBuffer[] entries) {
    int size = 4;
    for (ByteBuffer e : entries) {
      size += 4 + (e == null ? 0 : e.remaining());
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(entries.length);
    for (ByteBuffer e : entries) {
      if (e == null) {
        out.putInt(-1);
      } else {
        out.putInt(e.remaining()).put(e.duplicate());
      }
    }
    return out.flip();
  }
}
