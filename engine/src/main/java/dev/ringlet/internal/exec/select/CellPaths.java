package dev.ringlet.internal.exec.select;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;

/**
 * Cell paths of complex columns that are not the element itself: a user-type field is its index
 * (2 bytes, as Cassandra), a list element a version-1 timeuuid. Appended elements take times from
 * unique, increasing microseconds; prepended ones mirror them below a reference point, so that
 * every prepend sorts before every append and later prepends before earlier ones.
 */
public final class CellPaths {

  /** 100-nanosecond intervals between the UUID epoch (1582-10-15) and the Unix epoch. */
  private static final long UUID_EPOCH_OFFSET = 0x01B21DD213814000L;
  /** Clock sequence and node bits, fixed: paths are unique by their time alone. */
  private static final long CLOCK_SEQ_AND_NODE = 0x8000_0000_0000_0000L | 0x0000_5249_4E47_4C45L;

  private CellPaths() {}

  public static ByteBuffer field(int index) {
    ByteBuffer b = ByteBuffer.allocate(2);
    b.putShort(0, (short) index);
    return b;
  }

  public static int fieldIndex(ByteBuffer path) {
    return path.getShort(path.position()) & 0xFFFF;
  }

  /** Paths for {@code count} appended elements, in list order. */
  public static ByteBuffer[] append(int count, LongSupplier uniqueMicros) {
    ByteBuffer[] out = new ByteBuffer[count];
    for (int i = 0; i < count; i++) {
      out[i] = timeuuid(UUID_EPOCH_OFFSET + uniqueMicros.getAsLong() * 10);
    }
    return out;
  }

  /** Paths for {@code count} prepended elements, in list order (all before any existing one). */
  public static ByteBuffer[] prepend(int count, LongSupplier uniqueMicros) {
    ByteBuffer[] out = new ByteBuffer[count];
    for (int i = count - 1; i >= 0; i--) {
      out[i] = timeuuid(UUID_EPOCH_OFFSET - uniqueMicros.getAsLong() * 10);
    }
    return out;
  }

  private static ByteBuffer timeuuid(long time) {
    long msb = ((time & 0xFFFF_FFFFL) << 32) | (((time >>> 32) & 0xFFFF) << 16) | 0x1000L | ((time >>> 48) & 0x0FFF);
    ByteBuffer b = ByteBuffer.allocate(16);
    b.putLong(0, msb);
    b.putLong(8, CLOCK_SEQ_AND_NODE);
    return b;
  }
}
