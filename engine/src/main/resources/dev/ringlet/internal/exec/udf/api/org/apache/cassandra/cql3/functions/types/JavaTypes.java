package org.apache.cassandra.cql3.functions.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.cassandra.cql3.functions.types.exceptions.CodecNotFoundException;

/** The Java class of each CQL type, the checks of getters and setters against it, and CQL literal formatting. */
final class JavaTypes {

  private JavaTypes() {}

  static Class<?> javaType(DataType t) {
    switch (t.getName()) {
      case ASCII: case TEXT: case VARCHAR: return String.class;
      case BIGINT: case COUNTER: case TIME: return Long.class;
      case BLOB: return ByteBuffer.class;
      case BOOLEAN: return Boolean.class;
      case DECIMAL: return BigDecimal.class;
      case DOUBLE: return Double.class;
      case FLOAT: return Float.class;
      case INET: return InetAddress.class;
      case INT: return Integer.class;
      case TIMESTAMP: return Date.class;
      case UUID: case TIMEUUID: return UUID.class;
      case VARINT: return BigInteger.class;
      case LIST: return List.class;
      case SET: return Set.class;
      case MAP: return Map.class;
      case UDT: return UDTValue.class;
      case TUPLE: return TupleValue.class;
      case SMALLINT: return Short.class;
      case TINYINT: return Byte.class;
      case DATE: return LocalDate.class;
      case DURATION: return Duration.class;
      case VECTOR: return List.class;
      case CUSTOM: return ByteBuffer.class;
      default: throw new IllegalArgumentException(t.toString());
    }
  }

  static String javaTypeName(DataType t) {
    Class<?> c = javaType(t);
    if (t instanceof VectorType) {
      return c.getName() + "<" + javaTypeName(((VectorType) t).getSubtype()) + ">";
    }
    if (t.getTypeArguments().isEmpty()) {
      return c.getName();
    }
    StringBuilder sb = new StringBuilder(c.getName()).append('<');
    for (int i = 0; i < t.getTypeArguments().size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(javaTypeName(t.getTypeArguments().get(i)));
    }
    return sb.append('>').toString();
  }

  static CodecNotFoundException notFound(DataType t, String javaType) {
    return new CodecNotFoundException(String.format("Codec not found for requested operation: [%s <-> %s]", t, javaType));
  }

  /** Throws unless values of {@code t} are read or written as {@code c}. */
  static void check(DataType t, Class<?> c) {
    if (c != null && !javaType(t).isAssignableFrom(c)) {
      throw notFound(t, c.getName());
    }
  }

  /** Throws unless {@code t} is a collection of {@code kind} whose type arguments are the given classes. */
  static void checkCollection(DataType t, DataType.Name kind, Class<?>... arguments) {
    boolean ok = t.getName() == kind && t.getTypeArguments().size() == arguments.length;
    for (int i = 0; ok && i < arguments.length; i++) {
      ok = javaType(t.getTypeArguments().get(i)).equals(arguments[i]);
    }
    if (!ok) {
      StringBuilder name = new StringBuilder(kind == DataType.Name.LIST ? "java.util.List<"
          : kind == DataType.Name.SET ? "java.util.Set<" : "java.util.Map<");
      for (int i = 0; i < arguments.length; i++) {
        name.append(i == 0 ? "" : ", ").append(arguments[i].getName());
      }
      throw notFound(t, name.append('>').toString());
    }
  }

  /** The value as a CQL literal, as Cassandra's value classes print it. */
  static String format(DataType t, Object v) {
    if (v == null) {
      return "NULL";
    }
    switch (t.getName()) {
      case ASCII: case TEXT: case VARCHAR:
        return "'" + ((String) v).replace("'", "''") + "'";
      case INET:
        return "'" + ((InetAddress) v).getHostAddress() + "'";
      case DATE:
        return "'" + v + "'";
      case TIMESTAMP:
        // Cassandra's timestamp codec formats the milliseconds since the epoch, unquoted
        return Long.toString(((Date) v).getTime());
      case TIME:
        return "'" + v + "'";
      case BLOB: case CUSTOM: {
        ByteBuffer b = ((ByteBuffer) v).duplicate();
        StringBuilder sb = new StringBuilder("0x");
        while (b.hasRemaining()) {
          sb.append(String.format("%02x", b.get() & 0xff));
        }
        return sb.toString();
      }
      case LIST: case SET:
        return formatElements(t.getTypeArguments().get(0), (Collection<?>) v,
            t.getName() == DataType.Name.LIST ? '[' : '{', t.getName() == DataType.Name.LIST ? ']' : '}');
      case MAP: {
        StringBuilder sb = new StringBuilder("{");
        Iterator<? extends Map.Entry<?, ?>> it = ((Map<?, ?>) v).entrySet().iterator();
        while (it.hasNext()) {
          Map.Entry<?, ?> e = it.next();
          sb.append(format(t.getTypeArguments().get(0), e.getKey())).append(':')
              .append(format(t.getTypeArguments().get(1), e.getValue()));
          if (it.hasNext()) {
            sb.append(',');
          }
        }
        return sb.append('}').toString();
      }
      case VECTOR:
        return formatElements(((VectorType) t).getSubtype(), (Collection<?>) v, '[', ']');
      default:
        return v.toString();
    }
  }

  private static String formatElements(DataType element, Collection<?> values, char open, char close) {
    StringBuilder sb = new StringBuilder().append(open);
    int i = 0;
    for (Object e : values) {
      sb.append(i++ == 0 ? "" : ",").append(format(element, e));
    }
    return sb.append(close).toString();
  }
}
