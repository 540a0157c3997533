package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Java types a UDF body sees for CQL types, as Cassandra 5.0 maps them ({@code int} to
 * {@code Integer}, {@code timestamp} to {@code java.util.Date}, {@code list<int>} to
 * {@code List<Integer>}...), and the conversions between those values and serialized ones.
 * {@code date}, {@code duration}, tuples, user types and vectors (Cassandra's own
 * {@code LocalDate}, {@code Duration}, {@code TupleValue}, {@code UDTValue} classes) are not
 * offered: a function using them is refused with a clear message.
 */
final class UdfTypes {

  private UdfTypes() {}

  /** The Java source text of the type a body sees for {@code type}. */
  static String javaType(CqlType type) {
    if (type instanceof ListType l) {
      return "java.util.List<" + javaType(l.element()) + ">";
    }
    if (type instanceof SetType s) {
      return "java.util.Set<" + javaType(s.element()) + ">";
    }
    if (type instanceof MapType m) {
      return "java.util.Map<" + javaType(m.key()) + ", " + javaType(m.value()) + ">";
    }
    if (type instanceof NativeType n) {
      switch (n.cql()) {
        case "ascii": case "text": case "varchar":
          return "String";
        case "bigint": case "counter": case "time":
          return "Long";
        case "blob":
          return "java.nio.ByteBuffer";
        case "boolean":
          return "Boolean";
        case "decimal":
          return "java.math.BigDecimal";
        case "double":
          return "Double";
        case "float":
          return "Float";
        case "inet":
          return "java.net.InetAddress";
        case "int":
          return "Integer";
        case "smallint":
          return "Short";
        case "tinyint":
          return "Byte";
        case "timestamp":
          return "java.util.Date";
        case "uuid": case "timeuuid":
          return "java.util.UUID";
        case "varint":
          return "java.math.BigInteger";
        default:
          break;
      }
    }
    throw CqlException.invalid("Ringlet does not support the type " + type.cql()
        + " in user-defined functions (supported: native types other than date and duration, and lists,"
        + " sets and maps of them)");
  }

  /** The value a body sees for serialized {@code value} of {@code type}. */
  static Object toJava(CqlType type, ByteBuffer value) {
    if (value == null) {
      return null;
    }
    if (!value.hasRemaining() && !(type instanceof NativeType n && (n == NativeType.BLOB || n == NativeType.TEXT
        || n == NativeType.ASCII))) {
      return null;
    }
    return fromDecoded(type, type.decode(value.duplicate()));
  }

  private static Object fromDecoded(CqlType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type == NativeType.TIMESTAMP) {
      return Date.from((Instant) v);
    }
    if (type instanceof ListType l) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(fromDecoded(l.element(), e));
      }
      return out;
    }
    if (type instanceof SetType s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object e : (Set<?>) v) {
        out.add(fromDecoded(s.element(), e));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(fromDecoded(m.key(), e.getKey()), fromDecoded(m.value(), e.getValue()));
      }
      return out;
    }
    return v;
  }

  /** The serialized form of a body's result. */
  static ByteBuffer fromJava(CqlType type, Object v) {
    return v == null ? null : type.encode(toDecoded(type, v));
  }

  private static Object toDecoded(CqlType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type == NativeType.TIMESTAMP) {
      return ((Date) v).toInstant();
    }
    if (type instanceof ListType l) {
      List<Object> out = new ArrayList<>();
      for (Object e : (List<?>) v) {
        out.add(toDecoded(l.element(), e));
      }
      return out;
    }
    if (type instanceof SetType s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object e : (Set<?>) v) {
        out.add(toDecoded(s.element(), e));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(toDecoded(m.key(), e.getKey()), toDecoded(m.value(), e.getValue()));
      }
      return out;
    }
    return v;
  }
}
