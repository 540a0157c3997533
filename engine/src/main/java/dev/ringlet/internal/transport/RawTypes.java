package dev.ringlet.internal.transport;

import com.datastax.oss.protocol.internal.ProtocolConstants.DataType;
import com.datastax.oss.protocol.internal.response.result.RawType;
import dev.ringlet.internal.types.CqlType;
import dev.ringlet.internal.types.CustomType;
import dev.ringlet.internal.types.ListType;
import dev.ringlet.internal.types.MapType;
import dev.ringlet.internal.types.NativeType;
import dev.ringlet.internal.types.SetType;
import dev.ringlet.internal.types.TupleType;
import dev.ringlet.internal.types.UserType;
import dev.ringlet.internal.types.VectorType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CQL types as the protocol describes them in result metadata. Types the client's protocol
 * version has no id for (duration before v5; date, time, smallint, tinyint in v3; vectors) go as
 * custom types named by Cassandra's marshal class, as Cassandra sends them.
 */
final class RawTypes {

  private static final String MARSHAL = "org.apache.cassandra.db.marshal.";

  private RawTypes() {}

  static RawType of(CqlType type, int protocolVersion) {
    if (type instanceof NativeType n) {
      return nativeType(n, protocolVersion);
    }
    if (type instanceof ListType l) {
      return new RawType.RawList(of(l.element(), protocolVersion));
    }
    if (type instanceof SetType s) {
      return new RawType.RawSet(of(s.element(), protocolVersion));
    }
    if (type instanceof MapType m) {
      return new RawType.RawMap(of(m.key(), protocolVersion), of(m.value(), protocolVersion));
    }
    if (type instanceof TupleType t) {
      List<RawType> elements = new ArrayList<>();
      for (CqlType e : t.elements()) {
        elements.add(of(e, protocolVersion));
      }
      return new RawType.RawTuple(elements);
    }
    if (type instanceof UserType u) {
      Map<String, RawType> fields = new LinkedHashMap<>();
      for (int i = 0; i < u.fieldNames().size(); i++) {
        fields.put(u.fieldNames().get(i), of(u.fieldTypes().get(i), protocolVersion));
      }
      return new RawType.RawUdt(u.keyspace(), u.name(), fields);
    }
    if (type == CustomType.DATE) {
      return nativeType(NativeType.TIMESTAMP, protocolVersion); // 5.0 sends DateType as timestamp
    }
    if (type instanceof CustomType c && c.wrapped() != null) {
      return of(c.wrapped(), protocolVersion); // 5.0 sends a column's single ReversedType as its base type
    }
    if (type instanceof CustomType c) {
      return new RawType.RawCustom(c.className());
    }
    return new RawType.RawCustom(marshalClass(type));
  }

  private static RawType nativeType(NativeType n, int version) {
    switch (n) {
      case ASCII: return primitive(DataType.ASCII);
      case BIGINT: return primitive(DataType.BIGINT);
      case BLOB: return primitive(DataType.BLOB);
      case BOOLEAN: return primitive(DataType.BOOLEAN);
      case COUNTER: return primitive(DataType.COUNTER);
      case DECIMAL: return primitive(DataType.DECIMAL);
      case DOUBLE: return primitive(DataType.DOUBLE);
      case FLOAT: return primitive(DataType.FLOAT);
      case INET: return primitive(DataType.INET);
      case INT: return primitive(DataType.INT);
      case TEXT: return primitive(DataType.VARCHAR);
      case TIMESTAMP: return primitive(DataType.TIMESTAMP);
      case TIMEUUID: return primitive(DataType.TIMEUUID);
      case UUID: return primitive(DataType.UUID);
      case VARINT: return primitive(DataType.VARINT);
      case DATE: return version >= 4 ? primitive(DataType.DATE) : new RawType.RawCustom(MARSHAL + "SimpleDateType");
      case TIME: return version >= 4 ? primitive(DataType.TIME) : new RawType.RawCustom(MARSHAL + "TimeType");
      case SMALLINT: return version >= 4 ? primitive(DataType.SMALLINT) : new RawType.RawCustom(MARSHAL + "ShortType");
      case TINYINT: return version >= 4 ? primitive(DataType.TINYINT) : new RawType.RawCustom(MARSHAL + "ByteType");
      case DURATION: return version >= 5 ? primitive(DataType.DURATION) : new RawType.RawCustom(MARSHAL + "DurationType");
      default: throw new IllegalArgumentException("type: " + n);
    }
  }

  private static RawType primitive(int id) {
    return RawType.PRIMITIVES.get(id);
  }

  /**
   * Cassandra's marshal class name of a type, as custom types and vectors are sent. A vector's is
   * 5.0's {@code VectorType.toString()}, with its space before the comma ({@code TypeParser
   * .stringifyVectorParameters}): {@code VectorType(org.apache.cassandra.db.marshal.FloatType , 3)}.
   */
  static String marshalClass(CqlType type) {
    if (type instanceof VectorType v) {
      return MARSHAL + "VectorType(" + marshalClass(v.element()) + " , " + v.dimension() + ")";
    }
    if (type instanceof NativeType n) {
      return MARSHAL + n.marshalName();
    }
    if (type instanceof CustomType c) {
      return c.className();
    }
    return MARSHAL + "BytesType";
  }
}
