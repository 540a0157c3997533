package org.apache.cassandra.cql3.functions;

import java.nio.ByteBuffer;
import java.util.List;
import org.apache.cassandra.cql3.functions.types.DataType;
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
  /** Found on first use by {@link UDFDataTypeCodec} (a {@code TypeCodec}), so that making a function loads no codec class. */
  volatile Object typeCodec;
  private final boolean primitive;

  UDFDataType(DataType dataType, boolean primitive) {
    this.dataType = dataType;
    this.primitive = primitive;
  }

  public AbstractType<?> toAbstractType() {
    throw new UnsupportedOperationException("toAbstractType");
  }

  public Class<?> toJavaClass() {
    return UDFDataTypeCodec.javaClass(this);
  }

  public String getJavaTypeName() {
    return UDFDataTypeCodec.javaTypeName(this);
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
    return UDFDataTypeCodec.compose(this, protocolVersion, buffer);
  }

  /** The value's bytes by this type's codec; 5.0's InvalidTypeException for a value of another Java class. */
  public ByteBuffer decompose(ProtocolVersion protocolVersion, Object value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, byte value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, short value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, int value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, long value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, float value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ByteBuffer decompose(ProtocolVersion protocolVersion, double value) {
    return UDFDataTypeCodec.decompose(this, protocolVersion, value);
  }

  public ArgumentDeserializer getArgumentDeserializer() {
    throw new UnsupportedOperationException("getArgumentDeserializer");
  }

  boolean primitive() {
    return primitive;
  }
}
