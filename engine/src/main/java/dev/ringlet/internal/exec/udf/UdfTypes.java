package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.types.CqlDuration;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Java types a UDF body sees for CQL types, as Cassandra 5.0 maps them ({@code int} to
 * {@code Integer}, {@code timestamp} to {@code java.util.Date}, {@code list<int>} to
 * {@code List<Integer>}, {@code date} to {@code org.apache.cassandra.cql3.functions.types.LocalDate},
 * tuples to {@code TupleValue}, user types to {@code UDTValue}, vectors to {@code List}...), and the
 * engine's side of the value conversions: serialized values to and from the plain JDK values and
 * type descriptors the UDF class loader's {@code UdfValueBridge} turns into the body's objects
 * (its class comment defines both forms).
 */
final class UdfTypes {

  static final String TYPES_PACKAGE = "org.apache.cassandra.cql3.functions.types.";

  private UdfTypes() {}

  /**
   * The Java source text of the type a body sees for {@code type}: with {@code primitive} (a
   * {@code RETURNS NULL ON NULL INPUT} function, as 5.0 declares its arguments and result) the
   * primitive type of {@code int}, {@code bigint}, {@code smallint}, {@code tinyint}, {@code float},
   * {@code double}, {@code boolean}, {@code counter} and {@code time}.
   */
  static String javaType(CqlType type, boolean primitive) {
    if (primitive && type instanceof NativeType n) {
      switch (n) {
        case INT:
          return "int";
        case BIGINT: case COUNTER: case TIME:
          return "long";
        case SMALLINT:
          return "short";
        case TINYINT:
          return "byte";
        case FLOAT:
          return "float";
        case DOUBLE:
          return "double";
        case BOOLEAN:
          return "boolean";
        default:
          break;
      }
    }
    return javaType(type);
  }

  /** The Java source text of the (boxed or object) type a body sees for {@code type}. */
  static String javaType(CqlType type) {
    if (type instanceof ListType l) {
      return "java.util.List<" + javaType(l.element()) + ">";
    }
    if (type instanceof VectorType v) {
      return "java.util.List<" + javaType(v.element()) + ">";
    }
    if (type instanceof SetType s) {
      return "java.util.Set<" + javaType(s.element()) + ">";
    }
    if (type instanceof MapType m) {
      return "java.util.Map<" + javaType(m.key()) + ", " + javaType(m.value()) + ">";
    }
    if (type instanceof TupleType) {
      return TYPES_PACKAGE + "TupleValue";
    }
    if (type instanceof UserType) {
      return TYPES_PACKAGE + "UDTValue";
    }
    if (type instanceof CustomType) {
      return "java.nio.ByteBuffer";
    }
    switch ((NativeType) type) {
      case ASCII: case TEXT:
        return "String";
      case BIGINT: case COUNTER: case TIME:
        return "Long";
      case BLOB:
        return "java.nio.ByteBuffer";
      case BOOLEAN:
        return "Boolean";
      case DATE:
        return TYPES_PACKAGE + "LocalDate";
      case DECIMAL:
        return "java.math.BigDecimal";
      case DOUBLE:
        return "Double";
      case DURATION:
        return TYPES_PACKAGE + "Duration";
      case FLOAT:
        return "Float";
      case INET:
        return "java.net.InetAddress";
      case INT:
        return "Integer";
      case SMALLINT:
        return "Short";
      case TINYINT:
        return "Byte";
      case TIMESTAMP:
        return "java.util.Date";
      case UUID: case TIMEUUID:
        return "java.util.UUID";
      case VARINT:
        return "java.math.BigInteger";
      default:
        throw new IllegalArgumentException(type.cql());
    }
  }

  /** The descriptor of {@code type} for the UDF class loader's {@code UdfValueBridge.type}. */
  static Object descriptor(CqlType type) {
    if (type instanceof CustomType) {
      return "blob";
    }
    if (type instanceof NativeType n) {
      return n.name().toLowerCase(Locale.ROOT);
    }
    if (type instanceof ListType l) {
      return List.of("list", descriptor(l.element()));
    }
    if (type instanceof SetType s) {
      return List.of("set", descriptor(s.element()));
    }
    if (type instanceof MapType m) {
      return List.of("map", descriptor(m.key()), descriptor(m.value()));
    }
    if (type instanceof VectorType v) {
      return List.of("vector", descriptor(v.element()), v.dimension());
    }
    if (type instanceof TupleType t) {
      return List.of("tuple", t.elements().stream().map(UdfTypes::descriptor).toList());
    }
    UserType u = (UserType) type;
    return List.of("udt", u.keyspace(), u.name(), u.frozen(), u.fieldNames(),
        u.fieldTypes().stream().map(UdfTypes::descriptor).toList());
  }

  /** The plain value of serialized {@code value} of {@code type} (null for null and empty non-string values). */
  static Object toPlain(CqlType type, ByteBuffer value) {
    if (value == null) {
      return null;
    }
    if (type instanceof CustomType c) {
      if (!value.hasRemaining() && (c == CustomType.LEGACY_TIMEUUID || c == CustomType.LEXICAL_UUID)) {
        return null; // as 5.0's UDFDataType.compose: an empty value of a type whose empty value is meaningless
      }
      // 5.0 hands the body the value's bytes as a ByteBuffer of their own (position 0, capacity = length).
      byte[] bytes = new byte[value.remaining()];
      value.duplicate().get(bytes);
      return ByteBuffer.wrap(bytes);
    }
    if (!value.hasRemaining() && !(type instanceof NativeType n && (n == NativeType.BLOB || n == NativeType.TEXT
        || n == NativeType.ASCII))) {
      return null;
    }
    return plain(type, type.decode(value.duplicate()));
  }

  private static Object plain(CqlType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof CustomType c) {
      return c.encode(v);
    }
    if (type == NativeType.TIMESTAMP) {
      return Date.from((Instant) v);
    }
    if (type == NativeType.DATE) {
      return Math.toIntExact(((LocalDate) v).toEpochDay());
    }
    if (type == NativeType.DURATION) {
      CqlDuration d = (CqlDuration) v;
      return new long[] {d.months(), d.days(), d.nanoseconds()};
    }
    if (type instanceof ListType l) {
      return plainList(l.element(), (List<?>) v);
    }
    if (type instanceof VectorType vt) {
      return plainList(vt.element(), (List<?>) v);
    }
    if (type instanceof SetType s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object e : (Set<?>) v) {
        out.add(plain(s.element(), e));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(plain(m.key(), e.getKey()), plain(m.value(), e.getValue()));
      }
      return out;
    }
    if (type instanceof TupleType t) {
      List<?> components = (List<?>) v;
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < t.elements().size(); i++) {
        out.add(plain(t.elements().get(i), i < components.size() ? components.get(i) : null));
      }
      return out;
    }
    if (type instanceof UserType u) {
      Map<?, ?> fields = (Map<?, ?>) v;
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < u.fieldNames().size(); i++) {
        out.add(plain(u.fieldTypes().get(i), fields.get(u.fieldNames().get(i))));
      }
      return out;
    }
    return v;
  }

  private static List<Object> plainList(CqlType element, List<?> values) {
    List<Object> out = new ArrayList<>();
    for (Object e : values) {
      out.add(plain(element, e));
    }
    return out;
  }

  /**
   * Checks a result computed without Cassandra's value classes (only natives, collections and
   * vectors of them): a collection element of another Java type fails as Cassandra's codecs fail,
   * with {@code InvalidTypeException}'s name and message; a vector's first n elements count, and
   * fewer fail with {@code NoSuchElementException}. Returns the value to encode.
   */
  static Object checkResult(CqlType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof ListType l) {
      for (Object e : (List<?>) v) {
        checkElement(type.cql(), "element", l.element(), e);
      }
    } else if (type instanceof SetType s) {
      for (Object e : (Set<?>) v) {
        checkElement(type.cql(), "element", s.element(), e);
      }
    } else if (type instanceof MapType m) {
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        checkElement("map", "key", m.key(), e.getKey());
        checkElement("map", "value", m.value(), e.getValue());
      }
    } else if (type instanceof VectorType vt) {
      List<?> values = (List<?>) v;
      if (values.size() < vt.dimension()) {
        throw new UdfFailure(new java.util.NoSuchElementException());
      }
      for (Object e : values.subList(0, vt.dimension())) {
        checkElement(type.cql(), "element", vt.element(), e);
      }
      return new ArrayList<>(values.subList(0, vt.dimension()));
    }
    return v;
  }

  private static void checkElement(String collection, String what, CqlType type, Object e) {
    if (e == null) {
      return;
    }
    String expected = boxedJavaClass(type);
    if (expected != null && !e.getClass().getName().equals(expected) && !assignable(expected, e)) {
      throw new UdfFailure(TYPES_PACKAGE + "exceptions.InvalidTypeException: " + String.format(
          "Invalid type for %s %s, expecting %s but got %s", collection, what, expected, e.getClass()));
    }
    checkResult(type, e);
  }

  private static boolean assignable(String expected, Object e) {
    try {
      return Class.forName(expected, false, null).isInstance(e);
    } catch (ClassNotFoundException x) {
      return false;
    }
  }

  /** The Java class name of a type's values as bodies see them (boxed), null when it is not one JDK class. */
  private static String boxedJavaClass(CqlType type) {
    if (type instanceof ListType || type instanceof VectorType) {
      return "java.util.List";
    }
    if (type instanceof SetType) {
      return "java.util.Set";
    }
    if (type instanceof MapType) {
      return "java.util.Map";
    }
    if (type instanceof CustomType) {
      return "java.nio.ByteBuffer";
    }
    if (type instanceof NativeType n && n != NativeType.DATE && n != NativeType.DURATION) {
      String name = javaType(type);
      return name.contains(".") ? name : "java.lang." + name;
    }
    return null;
  }

  /**
   * The serialized form of the result of a function compiled without Cassandra's value classes
   * (natives, collections and vectors of them; the others are serialized by the bridge's codecs).
   */
  static ByteBuffer fromPlain(CqlType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof CustomType) {
      // 5.0 hands a custom type's bytes back as the body returned them, unvalidated.
      return ((ByteBuffer) v).duplicate();
    }
    if (type instanceof ListType l) {
      return inOrder(l.element(), (List<?>) v);
    }
    if (type instanceof SetType s) {
      return inOrder(s.element(), (Set<?>) v);
    }
    if (type instanceof MapType m) {
      List<ByteBuffer> parts = new ArrayList<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        parts.add(fromPlain(m.key(), notNull(e.getKey(), "Map keys cannot be null")));
        parts.add(fromPlain(m.value(), notNull(e.getValue(), "Map values cannot be null")));
      }
      return packed(((Map<?, ?>) v).size(), parts);
    }
    return type.encode(decoded(type, v));
  }

  /**
   * A collection result written as 5.0's codecs write it: its elements in the order the body's
   * collection iterates them (a set or map is not sorted, nor are duplicates removed), each after
   * its int length, after the int count.
   */
  private static ByteBuffer inOrder(CqlType element, java.util.Collection<?> values) {
    List<ByteBuffer> parts = new ArrayList<>();
    for (Object e : values) {
      parts.add(fromPlain(element, notNull(e, "Collection elements cannot be null")));
    }
    return packed(values.size(), parts);
  }

  private static Object notNull(Object v, String message) {
    if (v == null) {
      throw new UdfFailure(new NullPointerException(message));
    }
    return v;
  }

  private static ByteBuffer packed(int count, List<ByteBuffer> parts) {
    int size = 4;
    for (ByteBuffer p : parts) {
      size += 4 + p.remaining();
    }
    ByteBuffer out = ByteBuffer.allocate(size).putInt(count);
    for (ByteBuffer p : parts) {
      out.putInt(p.remaining()).put(p.duplicate());
    }
    return out.flip();
  }

  private static Object decoded(CqlType type, Object v) {
    if (v == null) {
      return null;
    }
    if (type instanceof CustomType c) {
      return c.decode(((ByteBuffer) v).duplicate());
    }
    if (type == NativeType.TIMESTAMP) {
      return ((Date) v).toInstant();
    }
    if (type instanceof ListType l) {
      return decodedList(l.element(), (List<?>) v);
    }
    if (type instanceof VectorType vt) {
      return decodedList(vt.element(), (List<?>) v);
    }
    if (type instanceof SetType s) {
      Set<Object> out = new LinkedHashSet<>();
      for (Object e : (Set<?>) v) {
        out.add(decoded(s.element(), e));
      }
      return out;
    }
    if (type instanceof MapType m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        out.put(decoded(m.key(), e.getKey()), decoded(m.value(), e.getValue()));
      }
      return out;
    }
    return v;
  }

  private static List<Object> decodedList(CqlType element, List<?> values) {
    List<Object> out = new ArrayList<>();
    for (Object e : values) {
      out.add(decoded(element, e));
    }
    return out;
  }
}
