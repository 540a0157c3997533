package org.apache.cassandra.cql3.functions.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;

/**
 * The serialized form of a value of each CQL type (the native protocol's, v3 and later), for the
 * components' {@code getBytesUnsafe}/{@code setBytesUnsafe}. Not visible to function bodies.
 *
 * <p>Collections: an int count, then each element as an int length and its bytes; tuples and user
 * types: each component as an int length (-1: null) and its bytes; durations: three signed vints;
 * dates: days since the epoch plus 2^31; vectors: the elements back to back when the element type
 * has a fixed length, else each after its unsigned vint length.
 */
final class ValueBytes {

  private ValueBytes() {}

  static ByteBuffer serialize(DataType t, Object v) {
    if (v == null) {
      return null;
    }
    switch (t.getName()) {
      case ASCII: return ByteBuffer.wrap(((String) v).getBytes(StandardCharsets.US_ASCII));
      case TEXT: case VARCHAR: return ByteBuffer.wrap(((String) v).getBytes(StandardCharsets.UTF_8));
      case BIGINT: case COUNTER: case TIME: return ByteBuffer.allocate(8).putLong(0, (Long) v);
      case BLOB: case CUSTOM: return ((ByteBuffer) v).duplicate();
      case BOOLEAN: return ByteBuffer.wrap(new byte[] {(byte) ((Boolean) v ? 1 : 0)});
      case DECIMAL: {
        BigDecimal d = (BigDecimal) v;
        byte[] unscaled = d.unscaledValue().toByteArray();
        ByteBuffer b = ByteBuffer.allocate(4 + unscaled.length).putInt(d.scale()).put(unscaled);
        b.flip();
        return b;
      }
      case DOUBLE: return ByteBuffer.allocate(8).putDouble(0, (Double) v);
      case FLOAT: return ByteBuffer.allocate(4).putFloat(0, (Float) v);
      case INET: return ByteBuffer.wrap(((InetAddress) v).getAddress());
      case INT: return ByteBuffer.allocate(4).putInt(0, (Integer) v);
      case SMALLINT: return ByteBuffer.allocate(2).putShort(0, (Short) v);
      case TINYINT: return ByteBuffer.wrap(new byte[] {(Byte) v});
      case TIMESTAMP: return ByteBuffer.allocate(8).putLong(0, ((Date) v).getTime());
      case UUID: case TIMEUUID: {
        UUID u = (UUID) v;
        return ByteBuffer.allocate(16).putLong(0, u.getMostSignificantBits()).putLong(8, u.getLeastSignificantBits());
      }
      case VARINT: return ByteBuffer.wrap(((BigInteger) v).toByteArray());
      case DATE: return ByteBuffer.allocate(4).putInt(0, ((LocalDate) v).getDaysSinceEpoch() + Integer.MIN_VALUE);
      case DURATION: {
        Duration d = (Duration) v;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        writeVInt(out, zigzag(d.getMonths()));
        writeVInt(out, zigzag(d.getDays()));
        writeVInt(out, zigzag(d.getNanoseconds()));
        return ByteBuffer.wrap(out.toByteArray());
      }
      case LIST: case SET:
        return collection((Collection<?>) v, t.getTypeArguments().get(0));
      case MAP: {
        Map<?, ?> m = (Map<?, ?>) v;
        List<ByteBuffer> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          if (e.getKey() == null) {
            throw new NullPointerException("Map keys cannot be null");
          }
          if (e.getValue() == null) {
            throw new NullPointerException("Map values cannot be null");
          }
          parts.add(serialize(t.getTypeArguments().get(0), e.getKey()));
          parts.add(serialize(t.getTypeArguments().get(1), e.getValue()));
        }
        return sized(m.size(), parts);
      }
      case TUPLE: case UDT: {
        AbstractData<?> data = (AbstractData<?>) v;
        List<ByteBuffer> parts = new ArrayList<>();
        for (int i = 0; i < data.values.length; i++) {
          parts.add(serialize(data.types.get(i), data.values[i]));
        }
        return sized(-1, parts);
      }
      case VECTOR: {
        VectorType vt = (VectorType) t;
        int fixed = fixedLength(vt.getSubtype());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Object e : (Collection<?>) v) {
          ByteBuffer b = serialize(vt.getSubtype(), e);
          if (fixed < 0) {
            writeVInt(out, b.remaining());
          }
          out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        return ByteBuffer.wrap(out.toByteArray());
      }
      default:
        throw new IllegalArgumentException(t.toString());
    }
  }

  static Object deserialize(DataType t, ByteBuffer bytes) {
    if (bytes == null) {
      return null;
    }
    ByteBuffer b = bytes.duplicate();
    try {
      Object v = read(t, b);
      if (b.hasRemaining() && t.getName() != DataType.Name.VECTOR) {
        throw new InvalidTypeException("Invalid " + t + " value: " + b.remaining() + " bytes too many");
      }
      return v;
    } catch (BufferUnderflowException e) {
      throw new InvalidTypeException("Invalid " + t + " value: not enough bytes");
    }
  }

  private static Object read(DataType t, ByteBuffer b) {
    switch (t.getName()) {
      case ASCII: return StandardCharsets.US_ASCII.decode(b).toString();
      case TEXT: case VARCHAR: return StandardCharsets.UTF_8.decode(b).toString();
      case BLOB: case CUSTOM: {
        ByteBuffer copy = b.slice();
        b.position(b.limit());
        return copy;
      }
      default:
        break;
    }
    if (!b.hasRemaining()) {
      return null;
    }
    switch (t.getName()) {
      case BIGINT: case COUNTER: case TIME: return exact(b, 8).getLong();
      case BOOLEAN: return exact(b, 1).get() != 0;
      case DECIMAL: {
        int scale = b.getInt();
        return new BigDecimal(new BigInteger(rest(b)), scale);
      }
      case DOUBLE: return exact(b, 8).getDouble();
      case FLOAT: return exact(b, 4).getFloat();
      case INET:
        try {
          return InetAddress.getByAddress(rest(b));
        } catch (UnknownHostException e) {
          throw new InvalidTypeException("Invalid bytes for inet value, got " + e.getMessage());
        }
      case INT: return exact(b, 4).getInt();
      case SMALLINT: return exact(b, 2).getShort();
      case TINYINT: return exact(b, 1).get();
      case TIMESTAMP: return new Date(exact(b, 8).getLong());
      case UUID: case TIMEUUID: {
        ByteBuffer x = exact(b, 16);
        return new UUID(x.getLong(), x.getLong());
      }
      case VARINT: return new BigInteger(rest(b));
      case DATE: return LocalDate.fromDaysSinceEpoch(exact(b, 4).getInt() - Integer.MIN_VALUE);
      case DURATION:
        return Duration.newInstance((int) unzigzag(readVInt(b)), (int) unzigzag(readVInt(b)), unzigzag(readVInt(b)));
      case LIST: case SET: {
        int n = b.getInt();
        Collection<Object> out = t.getName() == DataType.Name.LIST ? new ArrayList<>() : new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
          out.add(deserialize(t.getTypeArguments().get(0), part(b)));
        }
        return out;
      }
      case MAP: {
        int n = b.getInt();
        Map<Object, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
          Object k = deserialize(t.getTypeArguments().get(0), part(b));
          out.put(k, deserialize(t.getTypeArguments().get(1), part(b)));
        }
        return out;
      }
      case TUPLE: case UDT: {
        AbstractData<?> data = t instanceof TupleType ? ((TupleType) t).newValue() : ((UserType) t).newValue();
        for (int i = 0; i < data.values.length && b.hasRemaining(); i++) {
          data.values[i] = deserialize(data.types.get(i), part(b));
        }
        return data;
      }
      case VECTOR: {
        VectorType vt = (VectorType) t;
        int fixed = fixedLength(vt.getSubtype());
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < vt.getDimensions(); i++) {
          int length = fixed >= 0 ? fixed : (int) readVInt(b);
          ByteBuffer e = b.slice();
          e.limit(length);
          b.position(b.position() + length);
          out.add(deserialize(vt.getSubtype(), e));
        }
        return out;
      }
      default:
        throw new IllegalArgumentException(t.toString());
    }
  }

  /** The length of every value of {@code t} when it is fixed (Cassandra's {@code valueLengthIfFixed}), else -1. */
  private static int fixedLength(DataType t) {
    switch (t.getName()) {
      case BOOLEAN: return 1;
      case INT: case FLOAT: return 4;
      case BIGINT: case DOUBLE: case TIMESTAMP: return 8;
      case UUID: case TIMEUUID: return 16;
      default: return -1;
    }
  }

  private static ByteBuffer exact(ByteBuffer b, int n) {
    if (b.remaining() != n) {
      throw new InvalidTypeException("Invalid " + n + "-bytes value, got " + b.remaining() + " bytes");
    }
    return b;
  }

  private static byte[] rest(ByteBuffer b) {
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static ByteBuffer part(ByteBuffer b) {
    int n = b.getInt();
    if (n < 0) {
      return null;
    }
    ByteBuffer p = b.slice();
    p.limit(n);
    b.position(b.position() + n);
    return p;
  }

  private static ByteBuffer collection(Collection<?> values, DataType element) {
    List<ByteBuffer> parts = new ArrayList<>();
    for (Object e : values) {
      if (e == null) {
        throw new NullPointerException("Collection elements cannot be null");
      }
      parts.add(serialize(element, e));
    }
    return sized(values.size(), parts);
  }

  /** The parts, each after its int length (-1: null), after an int count unless {@code count} is negative. */
  private static ByteBuffer sized(int count, List<ByteBuffer> parts) {
    int size = count >= 0 ? 4 : 0;
    for (ByteBuffer p : parts) {
      size += 4 + (p == null ? 0 : p.remaining());
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    if (count >= 0) {
      out.putInt(count);
    }
    for (ByteBuffer p : parts) {
      if (p == null) {
        out.putInt(-1);
      } else {
        out.putInt(p.remaining()).put(p.duplicate());
      }
    }
    out.flip();
    return out;
  }

  private static long zigzag(long n) {
    return (n << 1) ^ (n >> 63);
  }

  private static long unzigzag(long n) {
    return (n >>> 1) ^ -(n & 1);
  }

  /** Cassandra's unsigned vint: the count of leading one bits of the first byte is the count of extra bytes. */
  private static void writeVInt(java.io.ByteArrayOutputStream out, long value) {
    int magnitude = Long.numberOfLeadingZeros(value | 1);
    int extra = ((639 - magnitude * 9) >> 6) - 1;
    if (extra == 0) {
      out.write((int) value);
      return;
    }
    int firstByte = extra == 8 ? 0xff : ((0xff << (8 - extra)) & 0xff) | (int) (value >>> (8 * extra));
    out.write(firstByte);
    for (int i = extra - 1; i >= 0; i--) {
      out.write((int) (value >>> (8 * i)));
    }
  }

  static void writeUnsignedVInt(java.io.ByteArrayOutputStream out, long value) {
    writeVInt(out, value);
  }

  static long readUnsignedVInt(ByteBuffer b) {
    return readVInt(b);
  }

  private static long readVInt(ByteBuffer b) {
    int first = b.get();
    if (first >= 0) {
      return first;
    }
    int extra = Integer.numberOfLeadingZeros(~first) - 24;
    long value = extra == 8 ? 0 : first & (0xff >> extra);
    for (int i = 0; i < extra; i++) {
      value = (value << 8) | (b.get() & 0xff);
    }
    return value;
  }
}
