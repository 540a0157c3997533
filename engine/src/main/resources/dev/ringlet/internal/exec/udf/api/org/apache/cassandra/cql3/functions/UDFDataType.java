package org.apache.cassandra.cql3.functions;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.cassandra.cql3.functions.types.CodecRegistry;
import org.apache.cassandra.cql3.functions.types.DataType;
import org.apache.cassandra.cql3.functions.types.TypeCodec;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;
import org.apache.cassandra.db.marshal.AbstractType;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * 5.0's type of a function's argument or result, with its codec. Bodies may name it (5.0's
 * template imports it) but, as in 5.0, never get one ({@code JavaUDF.returnType} is private), and
 * its factories take {@link AbstractType}, which the sandbox hides. Its {@code decompose} methods
 * back {@link JavaUDF}'s.
 */
public final class UDFDataType {

  private final DataType dataType;
  private final TypeCodec<?> typeCodec;
  private final boolean primitive;

  UDFDataType(DataType dataType, boolean primitive) {
    this.dataType = dataType;
    this.typeCodec = new CodecRegistry().codecFor(dataType);
    this.primitive = primitive;
  }

  public AbstractType<?> toAbstractType() {
    throw new UnsupportedOperationException("toAbstractType");
  }

  public Class<?> toJavaClass() {
    return typeCodec.getJavaType().getRawType();
  }

  public String getJavaTypeName() {
    return typeCodec.getJavaType().toString();
  }

  public boolean isPrimitive() {
    return primitive;
  }

  public static UDFDataType wrap(AbstractType<?> abstractType, boolean usePrimitive) {
    throw new UnsupportedOperationException("wrap");
  }

  public static List<UDFDataType> wrap(List<AbstractType<?>> argTypes, boolean usePrimitive) {
    throw new UnsupportedOperationException("wrap");
  }

  public DataType toDataType() {
    return dataType;
  }

  @Override
  public int hashCode() {
    return dataType.hashCode();
  }

  @Override
  public boolean equals(Object obj) {
    return obj instanceof UDFDataType && dataType.equals(((UDFDataType) obj).dataType);
  }

  public Object compose(ProtocolVersion protocolVersion, ByteBuffer buffer) {
    return buffer == null || (buffer.remaining() == 0 && primitive) ? null : typeCodec.deserialize(buffer, protocolVersion);
  }

  /** The value's bytes by this type's codec; 5.0's InvalidTypeException for a value of another Java class. */
  @SuppressWarnings("unchecked")
  public ByteBuffer decompose(ProtocolVersion protocolVersion, Object value) {
    if (value == null) {
      return null;
    }
    if (!toJavaClass().isAssignableFrom(value.getClass())) {
      throw invalid();
    }
    return ((TypeCodec<Object>) typeCodec).serialize(value, protocolVersion);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, byte value) {
    if (!((Object) typeCodec instanceof TypeCodec.PrimitiveByteCodec)) {
      throw invalid();
    }
    return ((TypeCodec.PrimitiveByteCodec) (Object) typeCodec).serializeNoBoxing(value, protocolVersion);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, short value) {
    if (!((Object) typeCodec instanceof TypeCodec.PrimitiveShortCodec)) {
      throw invalid();
    }
    return ((TypeCodec.PrimitiveShortCodec) (Object) typeCodec).serializeNoBoxing(value, protocolVersion);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, int value) {
    if (!((Object) typeCodec instanceof TypeCodec.PrimitiveIntCodec)) {
      throw invalid();
    }
    return ((TypeCodec.PrimitiveIntCodec) (Object) typeCodec).serializeNoBoxing(value, protocolVersion);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, long value) {
    if (!((Object) typeCodec instanceof TypeCodec.PrimitiveLongCodec)) {
      throw invalid();
    }
    return ((TypeCodec.PrimitiveLongCodec) (Object) typeCodec).serializeNoBoxing(value, protocolVersion);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, float value) {
    if (!((Object) typeCodec instanceof TypeCodec.PrimitiveFloatCodec)) {
      throw invalid();
    }
    return ((TypeCodec.PrimitiveFloatCodec) (Object) typeCodec).serializeNoBoxing(value, protocolVersion);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, double value) {
    if (!((Object) typeCodec instanceof TypeCodec.PrimitiveDoubleCodec)) {
      throw invalid();
    }
    return ((TypeCodec.PrimitiveDoubleCodec) (Object) typeCodec).serializeNoBoxing(value, protocolVersion);
  }

  public ArgumentDeserializer getArgumentDeserializer() {
    throw new UnsupportedOperationException("getArgumentDeserializer");
  }

  private InvalidTypeException invalid() {
    return new InvalidTypeException("Invalid value for CQL type " + dataType.getName());
  }
}
