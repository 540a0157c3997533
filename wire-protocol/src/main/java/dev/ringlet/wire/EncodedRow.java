package dev.ringlet.wire;

import java.nio.ByteBuffer;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A row of a ROWS result (its values, as any row is a {@code List<ByteBuffer>}) that also keeps its
 * cells as the body of a ROWS message carries them: per value an {@code [int]} length ({@code -1}
 * for null) and the value's bytes. The server writes such a row with one copy instead of encoding
 * its values one by one.
 *
 * <p>Why: a processor that answers the same rows again and again (a driver re-reads the whole
 * {@code system_schema} after every DDL, ~1,100 rows for a 50-table keyspace, most of them unchanged)
 * encodes them once. It pays only when the row object is kept and sent again; a row sent once costs
 * an extra copy. The list cannot be changed.
 */
public final class EncodedRow extends AbstractList<ByteBuffer> implements RandomAccess {

  private final List<ByteBuffer> values;
  private final byte[] cells;

  private EncodedRow(List<ByteBuffer> values, byte[] cells) {
    this.values = values;
    this.cells = cells;
  }

  /**
   * The row of {@code values} (null elements allowed: null cells), each value read from its position
   * to its limit. The row hands out these very buffers, as result rows share their values: they must
   * not change afterwards.
   */
  public static EncodedRow of(List<ByteBuffer> values) {
    int size = 0;
    for (ByteBuffer value : values) {
      size += 4 + (value == null ? 0 : value.remaining());
    }
    ByteBuffer cells = ByteBuffer.allocate(size);
    for (ByteBuffer value : values) {
      if (value == null) {
        cells.putInt(-1);
      } else {
        cells.putInt(value.remaining());
        cells.put(value.duplicate());
      }
    }
    return new EncodedRow(new ArrayList<>(values), cells.array());
  }

  @Override
  public ByteBuffer get(int index) {
    return values.get(index);
  }

  @Override
  public int size() {
    return values.size();
  }

  /** The size of {@link #cells()} in bytes. */
  public int cellsSize() {
    return cells.length;
  }

  /** The row's cells as a ROWS body carries them, read-only. */
  public ByteBuffer cells() {
    return ByteBuffer.wrap(cells).asReadOnlyBuffer();
  }
}
