package dev.ringlet.internal.storage.sstable;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The binary form of the data model, shared by the SSTable data file and the commit log. Layouts
 * are in {@code SSTableFormat.md}; all integers are big-endian. Readers take a {@link ByteBuffer}
 * positioned at the value and advance it.
 */
public final class Serialization {

  private static final int CELL_HAS_VALUE = 1;
  private static final int CELL_COUNTER = 2;
  private static final int ROW_HAS_LIVENESS = 1;
  private static final int ROW_HAS_DELETION = 2;
  /** A shadowable row deletion follows the row deletion (materialized views; files written before never set it). */
  private static final int ROW_HAS_SHADOWABLE_DELETION = 4;
  private static final int PARTITION_HAS_DELETION = 1;
  private static final int PARTITION_HAS_STATIC = 2;

  private Serialization() {}

  // ---- whole partition (commit log) ----

  /** A whole update: header then every row. */
  public static void writePartition(PartitionUpdate u, DataOutput out) throws IOException {
    writeHeader(u, out);
    out.writeInt(u.rows().size());
    for (RowUpdate r : u.rows()) {
      writeRow(r, out);
    }
  }

  public static PartitionUpdate readPartition(ByteBuffer in) {
    Header h = readHeader(in);
    int n = in.getInt();
    List<RowUpdate> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(readRow(in));
    }
    return new PartitionUpdate(h.key(), h.deletion(), h.rangeTombstones(), h.staticRow(), rows);
  }

  // ---- partition header ----

  /** The partition's key, deletion, range tombstones and static row. */
  public record Header(DecoratedKey key, DeletionTime deletion, List<RangeTombstone> rangeTombstones, RowUpdate staticRow) {}

  public static void writeHeader(PartitionUpdate u, DataOutput out) throws IOException {
    writeKey(u.key(), out);
    int flags = (u.partitionDeletion().isLive() ? 0 : PARTITION_HAS_DELETION) | (u.staticRow() == null ? 0 : PARTITION_HAS_STATIC);
    out.writeByte(flags);
    if (!u.partitionDeletion().isLive()) {
      writeDeletion(u.partitionDeletion(), out);
    }
    out.writeInt(u.rangeTombstones().size());
    for (RangeTombstone rt : u.rangeTombstones()) {
      writeBound(rt.start(), out);
      writeBound(rt.end(), out);
      writeDeletion(rt.deletion(), out);
    }
    if (u.staticRow() != null) {
      writeRow(u.staticRow(), out);
    }
  }

  public static Header readHeader(ByteBuffer in) {
    DecoratedKey key = readKey(in);
    int flags = in.get();
    DeletionTime deletion = (flags & PARTITION_HAS_DELETION) != 0 ? readDeletion(in) : DeletionTime.LIVE;
    int n = in.getInt();
    List<RangeTombstone> rts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rts.add(new RangeTombstone(readBound(in), readBound(in), readDeletion(in)));
    }
    RowUpdate statics = (flags & PARTITION_HAS_STATIC) != 0 ? readRow(in) : null;
    return new Header(key, deletion, rts, statics);
  }

  // ---- pieces ----

  public static void writeKey(DecoratedKey key, DataOutput out) throws IOException {
    out.writeLong(key.token());
    writeBytes(key.key(), out);
  }

  public static DecoratedKey readKey(ByteBuffer in) {
    long token = in.getLong();
    return new DecoratedKey(token, readBytes(in));
  }

  public static void writeDeletion(DeletionTime d, DataOutput out) throws IOException {
    out.writeLong(d.markedForDeleteAt());
    out.writeLong(d.localDeletionTime());
  }

  public static DeletionTime readDeletion(ByteBuffer in) {
    return new DeletionTime(in.getLong(), in.getLong());
  }

  public static void writeClustering(Clustering c, DataOutput out) throws IOException {
    out.writeShort(c.size());
    for (ByteBuffer b : c.values()) {
      writeBytes(b, out);
    }
  }

  public static Clustering readClustering(ByteBuffer in) {
    int n = in.getShort() & 0xFFFF;
    if (n == 0) {
      return Clustering.EMPTY;
    }
    List<ByteBuffer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(readBytes(in));
    }
    return new Clustering(values);
  }

  public static void writeBound(Bound b, DataOutput out) throws IOException {
    writeClustering(b.prefix(), out);
    out.writeByte((b.isStart() ? 1 : 0) | (b.inclusive() ? 2 : 0));
  }

  public static Bound readBound(ByteBuffer in) {
    Clustering prefix = readClustering(in);
    int flags = in.get();
    return new Bound(prefix, (flags & 1) != 0, (flags & 2) != 0);
  }

  public static void writeRow(RowUpdate r, DataOutput out) throws IOException {
    writeClustering(r.clustering(), out);
    int flags = (r.liveness().isEmpty() ? 0 : ROW_HAS_LIVENESS) | (r.deletion().isLive() ? 0 : ROW_HAS_DELETION)
        | (r.shadowableDeletion().isLive() ? 0 : ROW_HAS_SHADOWABLE_DELETION);
    out.writeByte(flags);
    if (!r.liveness().isEmpty()) {
      out.writeLong(r.liveness().timestamp());
      out.writeInt(r.liveness().ttl());
      out.writeLong(r.liveness().expiresAt());
    }
    if (!r.deletion().isLive()) {
      writeDeletion(r.deletion(), out);
    }
    if (!r.shadowableDeletion().isLive()) {
      writeDeletion(r.shadowableDeletion(), out);
    }
    out.writeInt(r.cells().size());
    for (Map.Entry<String, Cell> e : r.cells().entrySet()) {
      writeName(e.getKey(), out);
      writeCell(e.getValue(), out);
    }
    out.writeInt(r.complex().size());
    for (Map.Entry<String, ComplexColumn> e : r.complex().entrySet()) {
      writeName(e.getKey(), out);
      ComplexColumn c = e.getValue();
      writeDeletion(c.deletion(), out);
      out.writeInt(c.cells().size());
      for (Map.Entry<ByteBuffer, Cell> cell : c.cells().entrySet()) {
        writeBytes(cell.getKey(), out);
        writeCell(cell.getValue(), out);
      }
    }
  }

  public static RowUpdate readRow(ByteBuffer in) {
    Clustering clustering = readClustering(in);
    int flags = in.get();
    LivenessInfo liveness = LivenessInfo.EMPTY;
    if ((flags & ROW_HAS_LIVENESS) != 0) {
      liveness = new LivenessInfo(in.getLong(), in.getInt(), in.getLong());
    }
    DeletionTime deletion = (flags & ROW_HAS_DELETION) != 0 ? readDeletion(in) : DeletionTime.LIVE;
    DeletionTime shadowable = (flags & ROW_HAS_SHADOWABLE_DELETION) != 0 ? readDeletion(in) : DeletionTime.LIVE;
    int n = in.getInt();
    Map<String, Cell> cells = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      String name = readName(in);
      cells.put(name, readCell(in));
    }
    int m = in.getInt();
    Map<String, ComplexColumn> complex = m == 0 ? Map.of() : new HashMap<>();
    for (int i = 0; i < m; i++) {
      String name = readName(in);
      DeletionTime d = readDeletion(in);
      int k = in.getInt();
      Map<ByteBuffer, Cell> elements = new HashMap<>(k * 2);
      for (int j = 0; j < k; j++) {
        ByteBuffer path = readBytes(in);
        elements.put(path, readCell(in));
      }
      complex.put(name, new ComplexColumn(d, elements));
    }
    return new RowUpdate(clustering, liveness, deletion, cells, complex, shadowable);
  }

  public static void writeCell(Cell c, DataOutput out) throws IOException {
    out.writeByte((c.value() != null ? CELL_HAS_VALUE : 0) | (c.counter() ? CELL_COUNTER : 0));
    out.writeLong(c.timestamp());
    out.writeInt(c.ttl());
    out.writeLong(c.localDeletionTime());
    if (c.value() != null) {
      writeBytes(c.value(), out);
    }
  }

  public static Cell readCell(ByteBuffer in) {
    int flags = in.get();
    long ts = in.getLong();
    int ttl = in.getInt();
    long ldt = in.getLong();
    ByteBuffer value = (flags & CELL_HAS_VALUE) != 0 ? readBytes(in) : null;
    return new Cell(value, ts, ttl, ldt, (flags & CELL_COUNTER) != 0);
  }

  public static void writeBytes(ByteBuffer b, DataOutput out) throws IOException {
    ByteBuffer d = b.duplicate();
    out.writeInt(d.remaining());
    if (d.hasArray()) {
      out.write(d.array(), d.arrayOffset() + d.position(), d.remaining());
    } else {
      byte[] copy = new byte[d.remaining()];
      d.get(copy);
      out.write(copy);
    }
  }

  public static ByteBuffer readBytes(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0 || n > in.remaining()) {
      throw new IllegalStateException("value length " + n + " at offset " + (in.position() - 4)
          + " (expected: 0.." + in.remaining() + ")");
    }
    byte[] b = new byte[n];
    in.get(b);
    return ByteBuffer.wrap(b);
  }

  private static void writeName(String name, DataOutput out) throws IOException {
    byte[] b = name.getBytes(StandardCharsets.UTF_8);
    out.writeShort(b.length);
    out.write(b);
  }

  private static String readName(ByteBuffer in) {
    int n = in.getShort() & 0xFFFF;
    byte[] b = new byte[n];
    in.get(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
