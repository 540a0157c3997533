package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.schema.CachingParams;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.schema.CompressionParams;
import dev.ringlet.internal.schema.DroppedColumn;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The binary form of a schema snapshot: every keyspace, table (with its id, so mutations name the
 * same table on every node), column, user type and option, structurally (types as a tree, not as
 * text, so nothing depends on parsing).
 */
final class SchemaWire {

  private static final NativeType[] NATIVE = NativeType.values();
  private static final ColumnMetadata.Kind[] KINDS = ColumnMetadata.Kind.values();

  private SchemaWire() {}

  static void write(Schema s, DataOutput out) throws IOException {
    uuid(s.version(), out);
    out.writeInt(s.keyspaces().size());
    for (KeyspaceMetadata ks : s.keyspaces().values()) {
      keyspace(ks, out);
    }
  }

  static Schema read(DataInput in) throws IOException {
    UUID version = uuid(in);
    int n = count(in);
    Map<String, KeyspaceMetadata> keyspaces = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      KeyspaceMetadata ks = keyspace(in);
      keyspaces.put(ks.name(), ks);
    }
    return new Schema(version, keyspaces);
  }

  private static void keyspace(KeyspaceMetadata ks, DataOutput out) throws IOException {
    out.writeUTF(ks.name());
    out.writeBoolean(ks.durableWrites());
    out.writeUTF(ks.replication().strategyClass());
    strings(ks.replication().options(), out);
    out.writeInt(ks.types().size());
    for (UserType t : ks.types().values()) {
      type(t, out);
    }
    out.writeInt(ks.tables().size());
    for (TableMetadata t : ks.tables().values()) {
      table(t, out);
    }
    out.writeBoolean(ks.virtual());
    out.writeInt(ks.leftoverMasks().size()); // 5.0 keeps these system_schema.column_masks rows on every node
    for (Map.Entry<dev.ringlet.internal.schema.LeftoverMask.Key, dev.ringlet.internal.schema.ColumnMask> e
        : ks.leftoverMasks().entrySet()) {
      out.writeUTF(e.getKey().table());
      out.writeUTF(e.getKey().column());
      mask(e.getValue(), out);
    }
  }

  private static KeyspaceMetadata keyspace(DataInput in) throws IOException {
    String name = in.readUTF();
    boolean durable = in.readBoolean();
    ReplicationParams replication = new ReplicationParams(in.readUTF(), strings(in));
    int nt = count(in);
    Map<String, UserType> types = new LinkedHashMap<>();
    for (int i = 0; i < nt; i++) {
      UserType t = (UserType) type(in);
      types.put(t.name(), t);
    }
    int n = count(in);
    Map<String, TableMetadata> tables = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      TableMetadata t = table(in);
      tables.put(t.name(), t);
    }
    KeyspaceMetadata ks = new KeyspaceMetadata(name, durable, replication, tables, types, in.readBoolean());
    int nm = count(in);
    Map<dev.ringlet.internal.schema.LeftoverMask.Key, dev.ringlet.internal.schema.ColumnMask> leftovers = new LinkedHashMap<>();
    for (int i = 0; i < nm; i++) {
      dev.ringlet.internal.schema.LeftoverMask.Key key = new dev.ringlet.internal.schema.LeftoverMask.Key(in.readUTF(), in.readUTF());
      leftovers.put(key, mask(in));
    }
    return leftovers.isEmpty() ? ks : ks.withLeftoverMasks(leftovers);
  }

  private static void table(TableMetadata t, DataOutput out) throws IOException {
    out.writeUTF(t.keyspace());
    out.writeUTF(t.name());
    uuid(t.id(), out);
    columns(t.partitionKey(), out);
    columns(t.clustering(), out);
    columns(t.others(), out);
    params(t.params(), out);
    out.writeBoolean(t.counter());
    out.writeBoolean(t.virtual());
    out.writeInt(t.droppedColumns().size());
    for (Map.Entry<String, DroppedColumn> e : t.droppedColumns().entrySet()) {
      DroppedColumn d = e.getValue();
      out.writeUTF(e.getKey());
      out.writeUTF(d.name());
      type(d.type(), out);
      out.writeBoolean(d.isStatic());
      out.writeLong(d.droppedTimeMicros());
    }
    view(t.view(), out);
  }

  private static void view(dev.ringlet.internal.schema.ViewMetadata v, DataOutput out) throws IOException {
    out.writeBoolean(v != null);
    if (v == null) {
      return;
    }
    uuid(v.baseTableId(), out);
    out.writeUTF(v.baseTableName());
    out.writeBoolean(v.includeAllColumns());
    out.writeUTF(v.whereClause());
    out.writeInt(v.restrictions().size());
    for (dev.ringlet.internal.schema.ViewMetadata.Restriction r : v.restrictions()) {
      out.writeUTF(r.column());
      out.writeUTF(r.operator());
      out.writeInt(r.values().size());
      for (ByteBuffer b : r.values()) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        out.writeInt(bytes.length);
        out.write(bytes);
      }
    }
  }

  private static dev.ringlet.internal.schema.ViewMetadata view(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    UUID base = uuid(in);
    String baseName = in.readUTF();
    boolean all = in.readBoolean();
    String where = in.readUTF();
    int n = count(in);
    List<dev.ringlet.internal.schema.ViewMetadata.Restriction> restrictions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String column = in.readUTF();
      String op = in.readUTF();
      int nv = count(in);
      List<ByteBuffer> values = new ArrayList<>();
      for (int j = 0; j < nv; j++) {
        byte[] bytes = new byte[count(in)];
        in.readFully(bytes);
        values.add(ByteBuffer.wrap(bytes));
      }
      restrictions.add(new dev.ringlet.internal.schema.ViewMetadata.Restriction(column, op, values));
    }
    return new dev.ringlet.internal.schema.ViewMetadata(base, baseName, all, where, restrictions);
  }

  private static TableMetadata table(DataInput in) throws IOException {
    String keyspace = in.readUTF();
    String name = in.readUTF();
    UUID id = uuid(in);
    List<ColumnMetadata> pk = columns(in);
    List<ColumnMetadata> clustering = columns(in);
    List<ColumnMetadata> others = columns(in);
    TableParams params = params(in);
    boolean counter = in.readBoolean();
    boolean virtual = in.readBoolean();
    int n = count(in);
    Map<String, DroppedColumn> dropped = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String key = in.readUTF();
      dropped.put(key, new DroppedColumn(in.readUTF(), type(in), in.readBoolean(), in.readLong()));
    }
    return new TableMetadata(keyspace, name, id, pk, clustering, others, params, counter, virtual, dropped, Map.of())
        .withView(view(in));
  }

  private static void columns(List<ColumnMetadata> columns, DataOutput out) throws IOException {
    out.writeInt(columns.size());
    for (ColumnMetadata c : columns) {
      out.writeUTF(c.name());
      type(c.type(), out);
      out.writeByte(c.kind().ordinal());
      out.writeInt(c.position());
      out.writeBoolean(c.reversed());
      mask(c.mask(), out);
    }
  }

  private static void mask(dev.ringlet.internal.schema.ColumnMask m, DataOutput out) throws IOException {
    out.writeBoolean(m != null);
    if (m == null) {
      return;
    }
    out.writeUTF(m.functionKeyspace());
    out.writeUTF(m.functionName());
    out.writeInt(m.argumentTypes().size());
    for (int i = 0; i < m.argumentTypes().size(); i++) {
      type(m.argumentTypes().get(i), out);
      ByteBuffer v = m.argumentValues().get(i);
      out.writeInt(v == null ? -1 : v.remaining());
      if (v != null) {
        byte[] b = new byte[v.remaining()];
        v.duplicate().get(b);
        out.write(b);
      }
    }
  }

  private static dev.ringlet.internal.schema.ColumnMask mask(DataInput in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String keyspace = in.readUTF();
    String name = in.readUTF();
    int n = count(in);
    List<CqlType> types = new ArrayList<>(n);
    List<ByteBuffer> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      types.add(type(in));
      int length = in.readInt();
      if (length < 0) {
        values.add(null);
      } else {
        byte[] b = new byte[length];
        in.readFully(b);
        values.add(ByteBuffer.wrap(b));
      }
    }
    return new dev.ringlet.internal.schema.ColumnMask(keyspace, name, types, values);
  }

  private static List<ColumnMetadata> columns(DataInput in) throws IOException {
    int n = count(in);
    List<ColumnMetadata> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String name = in.readUTF();
      CqlType type = type(in);
      int kind = in.readUnsignedByte();
      if (kind >= KINDS.length) {
        throw new IOException("unknown column kind " + kind);
      }
      int position = in.readInt();
      boolean reversed = in.readBoolean();
      out.add(new ColumnMetadata(name, type, KINDS[kind], position, reversed, mask(in)));
    }
    return out;
  }

  private static void params(TableParams p, DataOutput out) throws IOException {
    out.writeUTF(p.comment());
    out.writeUTF(p.additionalWritePolicy());
    out.writeBoolean(p.allowAutoSnapshot());
    out.writeDouble(p.bloomFilterFpChance());
    out.writeBoolean(p.caching().keysCached());
    out.writeInt(p.caching().rowsPerPartition());
    out.writeBoolean(p.cdc());
    out.writeUTF(p.compaction().className());
    strings(p.compaction().options(), out);
    out.writeUTF(p.compression().className());
    out.writeInt(p.compression().chunkLengthInKb());
    strings(p.compression().options(), out);
    out.writeDouble(p.crcCheckChance());
    out.writeInt(p.defaultTimeToLive());
    out.writeInt(p.extensions().size());
    for (Map.Entry<String, ByteBuffer> e : p.extensions().entrySet()) {
      out.writeUTF(e.getKey());
      ByteBuffer b = e.getValue().duplicate();
      byte[] a = new byte[b.remaining()];
      b.get(a);
      out.writeInt(a.length);
      out.write(a);
    }
    out.writeInt(p.gcGraceSeconds());
    out.writeBoolean(p.incrementalBackups());
    out.writeInt(p.maxIndexInterval());
    out.writeUTF(p.memtable());
    out.writeInt(p.memtableFlushPeriodInMs());
    out.writeInt(p.minIndexInterval());
    out.writeUTF(p.readRepair());
    out.writeUTF(p.speculativeRetry());
  }

  private static TableParams params(DataInput in) throws IOException {
    String comment = in.readUTF();
    String additionalWritePolicy = in.readUTF();
    boolean allowAutoSnapshot = in.readBoolean();
    double bloom = in.readDouble();
    CachingParams caching = new CachingParams(in.readBoolean(), in.readInt());
    boolean cdc = in.readBoolean();
    CompactionParams compaction = new CompactionParams(in.readUTF(), strings(in));
    CompressionParams compression = new CompressionParams(in.readUTF(), in.readInt(), strings(in));
    double crc = in.readDouble();
    int ttl = in.readInt();
    int ne = count(in);
    Map<String, ByteBuffer> extensions = new LinkedHashMap<>();
    for (int i = 0; i < ne; i++) {
      String key = in.readUTF();
      byte[] a = new byte[count(in)];
      in.readFully(a);
      extensions.put(key, ByteBuffer.wrap(a));
    }
    return new TableParams(comment, additionalWritePolicy, allowAutoSnapshot, bloom, caching, cdc, compaction, compression, crc, ttl,
        extensions, in.readInt(), in.readBoolean(), in.readInt(), in.readUTF(), in.readInt(), in.readInt(), in.readUTF(), in.readUTF());
  }

  private static final int NATIVE_TAG = 0;
  private static final int LIST = 1;
  private static final int SET = 2;
  private static final int MAP = 3;
  private static final int TUPLE = 4;
  private static final int UDT = 5;
  private static final int VECTOR = 6;
  private static final int CUSTOM = 7;
  /** A column's ReversedType of a collection or user type: its class name, read back as a column type. */
  private static final int REVERSED_COMPLEX = 8;

  static void type(CqlType t, DataOutput out) throws IOException {
    if (t instanceof NativeType n) {
      out.writeByte(NATIVE_TAG);
      out.writeByte(n.ordinal());
    } else if (t instanceof ListType l) {
      out.writeByte(LIST);
      type(l.element(), out);
      out.writeBoolean(l.frozen());
    } else if (t instanceof SetType s) {
      out.writeByte(SET);
      type(s.element(), out);
      out.writeBoolean(s.frozen());
    } else if (t instanceof MapType m) {
      out.writeByte(MAP);
      type(m.key(), out);
      type(m.value(), out);
      out.writeBoolean(m.frozen());
    } else if (t instanceof TupleType tt) {
      out.writeByte(TUPLE);
      out.writeInt(tt.elements().size());
      for (CqlType e : tt.elements()) {
        type(e, out);
      }
    } else if (t instanceof UserType u) {
      out.writeByte(UDT);
      out.writeUTF(u.keyspace());
      out.writeUTF(u.name());
      out.writeInt(u.fieldNames().size());
      for (int i = 0; i < u.fieldNames().size(); i++) {
        out.writeUTF(u.fieldNames().get(i));
        type(u.fieldTypes().get(i), out);
      }
      out.writeBoolean(u.frozen());
    } else if (t instanceof VectorType v) {
      out.writeByte(VECTOR);
      type(v.element(), out);
      out.writeInt(v.dimension());
    } else if (t instanceof CustomType c && c.wrapped() != null) {
      out.writeByte(REVERSED_COMPLEX);
      out.writeUTF(c.className());
    } else if (t instanceof CustomType c) {
      out.writeByte(CUSTOM);
      out.writeUTF(c.className());
    } else {
      throw new IllegalArgumentException("no wire encoding for type " + t);
    }
  }

  static CqlType type(DataInput in) throws IOException {
    int tag = in.readUnsignedByte();
    switch (tag) {
      case NATIVE_TAG: {
        int n = in.readUnsignedByte();
        if (n >= NATIVE.length) {
          throw new IOException("unknown native type " + n);
        }
        return NATIVE[n];
      }
      case LIST:
        return new ListType(type(in), in.readBoolean());
      case SET:
        return new SetType(type(in), in.readBoolean());
      case MAP:
        return new MapType(type(in), type(in), in.readBoolean());
      case TUPLE: {
        int n = count(in);
        List<CqlType> elements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          elements.add(type(in));
        }
        return new TupleType(elements);
      }
      case UDT: {
        String keyspace = in.readUTF();
        String name = in.readUTF();
        int n = count(in);
        List<String> names = new ArrayList<>(n);
        List<CqlType> types = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          names.add(in.readUTF());
          types.add(type(in));
        }
        return new UserType(keyspace, name, names, types, in.readBoolean());
      }
      case VECTOR:
        return new VectorType(type(in), in.readInt());
      case CUSTOM: {
        String className = in.readUTF();
        CustomType custom = CustomType.bySimpleName(className.substring(className.lastIndexOf('.') + 1));
        if (custom != null) {
          return custom;
        }
        try { // a composite, PartitionerDefinedOrder or ReversedType: its class name with parameters
          return dev.ringlet.internal.types.MarshalTypes.ofCustomClassName(className);
        } catch (RuntimeException e) {
          throw new IOException("unknown custom type " + className, e);
        }
      }
      case REVERSED_COMPLEX: {
        String className = in.readUTF();
        try {
          return dev.ringlet.internal.types.MarshalTypes.parse(className);
        } catch (RuntimeException e) {
          throw new IOException("unknown custom type " + className, e);
        }
      }
      default:
        throw new IOException("unknown type tag " + tag);
    }
  }

  private static void strings(Map<String, String> m, DataOutput out) throws IOException {
    out.writeInt(m.size());
    for (Map.Entry<String, String> e : m.entrySet()) {
      out.writeUTF(e.getKey());
      out.writeUTF(e.getValue());
    }
  }

  private static Map<String, String> strings(DataInput in) throws IOException {
    int n = count(in);
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put(in.readUTF(), in.readUTF());
    }
    return m;
  }

  private static int count(DataInput in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("negative count " + n);
    }
    return n;
  }

  private static void uuid(UUID id, DataOutput out) throws IOException {
    out.writeLong(id.getMostSignificantBits());
    out.writeLong(id.getLeastSignificantBits());
  }

  private static UUID uuid(DataInput in) throws IOException {
    return new UUID(in.readLong(), in.readLong());
  }
}
