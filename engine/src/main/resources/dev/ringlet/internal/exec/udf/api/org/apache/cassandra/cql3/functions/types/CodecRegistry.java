package org.apache.cassandra.cql3.functions.types;

import com.google.common.reflect.TypeToken;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.cassandra.cql3.functions.types.exceptions.CodecNotFoundException;

/**
 * Finds the codec of a CQL type, a Java type or a value, as Cassandra 5.0's class of this name
 * does: the built-in codecs of the native types first (in Cassandra's order), then registered
 * ones, and codecs made on demand for collections, vectors, tuples, user and custom types.
 */
public final class CodecRegistry {

  private static final List<TypeCodec<?>> BUILT_IN_CODECS = Collections.unmodifiableList(Arrays.<TypeCodec<?>>asList(
      TypeCodec.cboolean(), TypeCodec.tinyInt(), TypeCodec.smallInt(), TypeCodec.cint(), TypeCodec.bigint(),
      TypeCodec.counter(), TypeCodec.cdouble(), TypeCodec.cfloat(), TypeCodec.varint(), TypeCodec.decimal(),
      TypeCodec.varchar(), TypeCodec.ascii(), TypeCodec.timestamp(), TypeCodec.date(), TypeCodec.time(),
      TypeCodec.blob(), TypeCodec.uuid(), TypeCodec.timeUUID(), TypeCodec.inet(), TypeCodec.duration()));

  private final List<TypeCodec<?>> codecs = new ArrayList<>();

  public CodecRegistry() {}

  /** Adds a codec, consulted after the built-in ones. */
  public CodecRegistry register(TypeCodec<?> newCodec) {
    synchronized (codecs) {
      codecs.add(newCodec);
    }
    return this;
  }

  public CodecRegistry register(TypeCodec<?>... newCodecs) {
    for (TypeCodec<?> c : newCodecs) {
      register(c);
    }
    return this;
  }

  public CodecRegistry register(Iterable<? extends TypeCodec<?>> newCodecs) {
    for (TypeCodec<?> c : newCodecs) {
      register(c);
    }
    return this;
  }

  /** The codec of a value of any CQL type. */
  public <T> TypeCodec<T> codecFor(T value) {
    if (value == null) {
      throw new NullPointerException("Parameter value cannot be null");
    }
    return codecFor((DataType) null, value, false);
  }

  public <T> TypeCodec<T> codecFor(DataType cqlType) throws CodecNotFoundException {
    return lookup(cqlType, null);
  }

  public <T> TypeCodec<T> codecFor(DataType cqlType, Class<T> javaType) throws CodecNotFoundException {
    return codecFor(cqlType, TypeToken.of(javaType));
  }

  public <T> TypeCodec<T> codecFor(DataType cqlType, TypeToken<T> javaType) throws CodecNotFoundException {
    if (cqlType == null) {
      throw new NullPointerException("Parameter cqlType cannot be null");
    }
    if (javaType == null) {
      throw new NullPointerException("Parameter javaType cannot be null");
    }
    return lookup(cqlType, javaType);
  }

  public <T> TypeCodec<T> codecFor(DataType cqlType, T value) {
    if (cqlType == null) {
      throw new NullPointerException("Parameter cqlType cannot be null");
    }
    if (value == null) {
      throw new NullPointerException("Parameter value cannot be null");
    }
    return codecFor(cqlType, value, true);
  }

  private List<TypeCodec<?>> all() {
    List<TypeCodec<?>> all = new ArrayList<>(BUILT_IN_CODECS);
    synchronized (codecs) {
      all.addAll(codecs);
    }
    return all;
  }

  @SuppressWarnings("unchecked")
  private <T> TypeCodec<T> lookup(DataType cqlType, TypeToken<T> javaType) {
    for (TypeCodec<?> c : all()) {
      if ((cqlType == null || c.accepts(cqlType)) && (javaType == null || c.accepts(javaType))) {
        return (TypeCodec<T>) c;
      }
    }
    TypeCodec<T> made = create(cqlType, javaType);
    if (made == null) {
      throw notFound(cqlType, javaType);
    }
    return made;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> TypeCodec<T> create(DataType cqlType, TypeToken<T> javaType) {
    if (cqlType == null) {
      return null;
    }
    TypeToken<?>[] args = javaType == null ? null : TypeCodec.typeArguments(javaType);
    switch (cqlType.getName()) {
      case LIST: case SET: {
        Class<?> raw = cqlType.getName() == DataType.Name.LIST ? List.class : Set.class;
        if (javaType != null && (!javaType.getRawType().equals(raw) || args.length != 1)) {
          return null;
        }
        TypeCodec elt = lookup(cqlType.getTypeArguments().get(0), args == null ? null : args[0]);
        return (TypeCodec<T>) (raw == List.class ? TypeCodec.list(elt) : TypeCodec.set(elt));
      }
      case MAP: {
        if (javaType != null && (!javaType.getRawType().equals(Map.class) || args.length != 2)) {
          return null;
        }
        TypeCodec k = lookup(cqlType.getTypeArguments().get(0), args == null ? null : args[0]);
        TypeCodec v = lookup(cqlType.getTypeArguments().get(1), args == null ? null : args[1]);
        return (TypeCodec<T>) TypeCodec.map(k, v);
      }
      case VECTOR: {
        if (javaType != null && (!javaType.getRawType().equals(List.class) || args.length != 1)) {
          return null;
        }
        TypeCodec elt = lookup(((VectorType) cqlType).getSubtype(), args == null ? null : args[0]);
        return (TypeCodec<T>) TypeCodec.vector((VectorType) cqlType, elt);
      }
      case TUPLE:
        return javaType == null || javaType.getRawType().equals(TupleValue.class)
            ? (TypeCodec<T>) TypeCodec.tuple((TupleType) cqlType) : null;
      case UDT:
        return javaType == null || javaType.getRawType().equals(UDTValue.class)
            ? (TypeCodec<T>) TypeCodec.userType((UserType) cqlType) : null;
      case CUSTOM:
        return javaType == null || javaType.getRawType().equals(ByteBuffer.class)
            ? (TypeCodec<T>) TypeCodec.custom((DataType.CustomType) cqlType) : null;
      default:
        return null;
    }
  }

  /** The codec for {@code value}, of {@code cqlType} when {@code typed}, else of any CQL type. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private <T> TypeCodec<T> codecFor(DataType cqlType, T value, boolean typed) {
    for (TypeCodec<?> c : all()) {
      if ((!typed || c.accepts(cqlType)) && c.accepts(value)) {
        return (TypeCodec<T>) c;
      }
    }
    TypeCodec made = null;
    if (!typed) {
      made = createFor(value);
    } else if (cqlType.getName() == DataType.Name.LIST || cqlType.getName() == DataType.Name.SET
        || cqlType.getName() == DataType.Name.MAP || cqlType.getName() == DataType.Name.VECTOR
        || cqlType.getName() == DataType.Name.TUPLE || cqlType.getName() == DataType.Name.UDT
        || cqlType.getName() == DataType.Name.CUSTOM) {
      made = create(cqlType, null);
      if (made != null && !made.accepts(value)) {
        made = null;
      }
    }
    if (made == null) {
      throw notFound(typed ? cqlType : null, TypeToken.of(value.getClass()));
    }
    return made;
  }

  /** A codec for a collection, tuple or user type value, its element types found from its first elements. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private TypeCodec createFor(Object value) {
    if (value instanceof List) {
      List<?> l = (List<?>) value;
      return TypeCodec.list(l.isEmpty() ? (TypeCodec) TypeCodec.blob() : codecFor((Object) l.get(0)));
    }
    if (value instanceof Set) {
      Set<?> s = (Set<?>) value;
      return TypeCodec.set(s.isEmpty() ? (TypeCodec) TypeCodec.blob() : codecFor((Object) s.iterator().next()));
    }
    if (value instanceof Map) {
      Map<?, ?> m = (Map<?, ?>) value;
      if (m.isEmpty()) {
        return TypeCodec.map(TypeCodec.blob(), TypeCodec.blob());
      }
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      return TypeCodec.map(codecFor(e.getKey()), codecFor(e.getValue()));
    }
    if (value instanceof TupleValue) {
      return TypeCodec.tuple(((TupleValue) value).getType());
    }
    if (value instanceof UDTValue) {
      return TypeCodec.userType(((UDTValue) value).getType());
    }
    return null;
  }

  private static CodecNotFoundException notFound(DataType cqlType, TypeToken<?> javaType) {
    return new CodecNotFoundException(String.format("Codec not found for requested operation: [%s <-> %s]",
        cqlType == null ? "ANY" : cqlType, javaType == null ? "ANY" : javaType));
  }
}
