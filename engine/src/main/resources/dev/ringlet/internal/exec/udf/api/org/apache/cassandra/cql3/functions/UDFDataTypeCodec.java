package org.apache.cassandra.cql3.functions;

import java.nio.ByteBuffer;
import org.apache.cassandra.cql3.functions.types.CodecRegistry;
import org.apache.cassandra.cql3.functions.types.TypeCodec;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * What {@link UDFDataType} does with its codec, apart so that making a function (which makes its
 * return type's {@code UDFDataType}) loads no codec class: only a body that decomposes pays for
 * them. Hidden from bodies.
 */
final class UDFDataTypeCodec {

  private UDFDataTypeCodec() {}

  @SuppressWarnings("unchecked")
  private static TypeCodec<Object> codec(UDFDataType type) {
    Object codec = type.typeCodec;
    if (codec == null) {
      codec = new CodecRegistry().codecFor(type.toDataType());
      type.typeCodec = codec;
    }
    return (TypeCodec<Object>) codec;
  }

  static Class<?> javaClass(UDFDataType type) {
    return codec(type).getJavaType().getRawType();
  }

  static String javaTypeName(UDFDataType type) {
    return codec(type).getJavaType().toString();
  }

  static Object compose(UDFDataType type, ProtocolVersion protocolVersion, ByteBuffer buffer) {
    return buffer == null || (buffer.remaining() == 0 && type.primitive()) ? null
        : codec(type).deserialize(buffer, protocolVersion);
  }

  /** The value's bytes by the type's codec; 5.0's InvalidTypeException for a value of another Java class. */
  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, Object value) {
    if (value == null) {
      return null;
    }
    if (!javaClass(type).isAssignableFrom(value.getClass())) {
      throw invalid(type);
    }
    return codec(type).serialize(value, protocolVersion);
  }

  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, byte value) {
    Object codec = codec(type);
    if (!(codec instanceof TypeCodec.PrimitiveByteCodec)) {
      throw invalid(type);
    }
    return ((TypeCodec.PrimitiveByteCodec) codec).serializeNoBoxing(value, protocolVersion);
  }

  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, short value) {
    Object codec = codec(type);
    if (!(codec instanceof TypeCodec.PrimitiveShortCodec)) {
      throw invalid(type);
    }
    return ((TypeCodec.PrimitiveShortCodec) codec).serializeNoBoxing(value, protocolVersion);
  }

  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, int value) {
    Object codec = codec(type);
    if (!(codec instanceof TypeCodec.PrimitiveIntCodec)) {
      throw invalid(type);
    }
    return ((TypeCodec.PrimitiveIntCodec) codec).serializeNoBoxing(value, protocolVersion);
  }

  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, long value) {
    Object codec = codec(type);
    if (!(codec instanceof TypeCodec.PrimitiveLongCodec)) {
      throw invalid(type);
    }
    return ((TypeCodec.PrimitiveLongCodec) codec).serializeNoBoxing(value, protocolVersion);
  }

  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, float value) {
    Object codec = codec(type);
    if (!(codec instanceof TypeCodec.PrimitiveFloatCodec)) {
      throw invalid(type);
    }
    return ((TypeCodec.PrimitiveFloatCodec) codec).serializeNoBoxing(value, protocolVersion);
  }

  static ByteBuffer decompose(UDFDataType type, ProtocolVersion protocolVersion, double value) {
    Object codec = codec(type);
    if (!(codec instanceof TypeCodec.PrimitiveDoubleCodec)) {
      throw invalid(type);
    }
    return ((TypeCodec.PrimitiveDoubleCodec) codec).serializeNoBoxing(value, protocolVersion);
  }

  private static InvalidTypeException invalid(UDFDataType type) {
    return new InvalidTypeException("Invalid value for CQL type " + type.toDataType().getName());
  }
}
