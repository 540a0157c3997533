package org.apache.cassandra.cql3.functions.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * Ringlet's side of the boundary between the engine and the UDF class loader: converts plain JDK
 * values to this package's value classes, and serializes a body's result with its type's codec.
 * Not visible to function bodies.
 *
 * <p>Type descriptors: a native type's CQL name ({@code "int"}), or a list {@code ["list", e]},
 * {@code ["set", e]}, {@code ["map", k, v]}, {@code ["tuple", [e...]]}, {@code ["vector", e, n]},
 * {@code ["udt", keyspace, name, frozen, [field names], [field types]]}. Plain values: a date is its
 * days since the epoch (Integer), a duration {@code long[]{months, days, nanoseconds}}, a tuple or
 * user type value the list of its components, other types the Java value a body sees.
 */
public final class UdfValueBridge {

  private UdfValueBridge() {}

  /** The type a descriptor describes. */
  public static DataType type(Object descriptor) {
    if (descriptor instanceof String) {
      // Cassandra's value classes name text columns varchar
      String name = descriptor.equals("text") ? "varchar" : (String) descriptor;
      return new DataType.NativeType(DataType.Name.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    List<?> d = (List<?>) descriptor;
    String kind = (String) d.get(0);
    switch (kind) {
      case "list":
        return DataType.list(type(d.get(1)));
      case "set":
        return DataType.set(type(d.get(1)));
      case "map":
        return DataType.map(type(d.get(1)), type(d.get(2)));
      case "vector":
        return new VectorType(type(d.get(1)), (Integer) d.get(2));
      case "tuple": {
        List<DataType> types = new ArrayList<>();
        for (Object e : (List<?>) d.get(1)) {
          types.add(type(e));
        }
        return new TupleType(types);
      }
      case "udt": {
        List<DataType> types = new ArrayList<>();
        for (Object e : (List<?>) d.get(5)) {
          types.add(type(e));
        }
        List<String> names = new ArrayList<>();
        for (Object n : (List<?>) d.get(4)) {
          names.add((String) n);
        }
        return new UserType((String) d.get(1), (String) d.get(2), (Boolean) d.get(3), names, types);
      }
      default:
        throw new IllegalArgumentException("unknown type descriptor " + descriptor);
    }
  }

  /** The value a body sees for a plain value of {@code type}. */
  public static Object toUdf(DataType type, Object plain) {
    if (plain == null) {
      return null;
    }
    switch (type.getName()) {
      case DATE:
        return LocalDate.fromDaysSinceEpoch((Integer) plain);
      case DURATION: {
        long[] d = (long[]) plain;
        return Duration.newInstance((int) d[0], (int) d[1], d[2]);
      }
      case LIST: {
        List<Object> out = new ArrayList<>();
        for (Object e : (Collection<?>) plain) {
          out.add(toUdf(type.getTypeArguments().get(0), e));
        }
        return out;
      }
      case VECTOR: {
        List<Object> out = new ArrayList<>();
        for (Object e : (Collection<?>) plain) {
          out.add(toUdf(((VectorType) type).getSubtype(), e));
        }
        return out;
      }
      case SET: {
        Set<Object> out = new LinkedHashSet<>();
        for (Object e : (Collection<?>) plain) {
          out.add(toUdf(type.getTypeArguments().get(0), e));
        }
        return out;
      }
      case MAP: {
        Map<Object, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<?, ?>) plain).entrySet()) {
          out.put(toUdf(type.getTypeArguments().get(0), e.getKey()), toUdf(type.getTypeArguments().get(1), e.getValue()));
        }
        return out;
      }
      case TUPLE:
        return fill(((TupleType) type).newValue(), (List<?>) plain);
      case UDT:
        return fill(((UserType) type).newValue(), (List<?>) plain);
      default:
        return plain;
    }
  }

  private static <T extends AbstractData<?>> T fill(T value, List<?> components) {
    for (int i = 0; i < value.values.length && i < components.size(); i++) {
      DataType t = value.types.get(i);
      value.values[i] = value.getCodecRegistry().codecFor(t).serialize(toUdf(t, components.get(i)), ProtocolVersion.CURRENT);
    }
    return value;
  }

  /** The codec a function's results of {@code type} are serialized with (see {@link #serialize}). */
  public static TypeCodec<Object> codec(DataType type) {
    return new CodecRegistry().codecFor(type);
  }

  /**
   * A body's result serialized as 5.0's {@code UDFDataType.decompose} does: a value of another Java
   * class fails with its {@code InvalidTypeException}; otherwise the return type's codec writes it,
   * tuple and user type components as the bytes they hold (those of a value of another tuple or
   * user type too: the return type's components by position, its fields by name).
   */
  public static ByteBuffer serialize(TypeCodec<Object> codec, Object value) {
    if (value == null) {
      return null;
    }
    if (!JavaTypes.javaType(codec.getCqlType()).isInstance(value)) {
      throw new InvalidTypeException("Invalid value for CQL type " + codec.getCqlType().getName());
    }
    return codec.serialize(value, ProtocolVersion.CURRENT);
  }
}
