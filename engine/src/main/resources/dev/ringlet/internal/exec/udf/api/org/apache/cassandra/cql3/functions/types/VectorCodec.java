package org.apache.cassandra.cql3.functions.types;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * Vectors: the elements back to back when the element codec's size is fixed ({@link FixedLength}),
 * else each after its unsigned vint length ({@link VariableLength}); literals {@code [e1, e2]}.
 */
public abstract class VectorCodec<E> extends TypeCodec<List<E>> {

  protected final VectorType type;
  protected final TypeCodec<E> subtypeCodec;

  VectorCodec(VectorType type, TypeCodec<E> subtypeCodec) {
    super(type, TypeTokens.vectorOf(subtypeCodec.getJavaType()));
    this.type = type;
    this.subtypeCodec = subtypeCodec;
  }

  public static <E> VectorCodec<E> of(VectorType type, TypeCodec<E> subtypeCodec) {
    return subtypeCodec.isSerializedSizeFixed() ? new FixedLength<E>(type, subtypeCodec)
        : new VariableLength<E>(type, subtypeCodec);
  }

  @Override
  public List<E> parse(String value) throws InvalidTypeException {
    return isNullLiteral(value) ? null : TypeCodec.list(subtypeCodec).parse(value);
  }

  @Override
  public String format(List<E> value) throws InvalidTypeException {
    if (value == null) {
      return "NULL";
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < value.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(subtypeCodec.format(value.get(i)));
    }
    return sb.append(']').toString();
  }

  /** Each element's bytes, its first {@code dimensions} (a {@code NoSuchElementException} when there are fewer). */
  ByteBuffer[] elements(List<E> value, ProtocolVersion protocolVersion) {
    List<E> first = TypeCodec.firstElements(value, type.getDimensions());
    ByteBuffer[] out = new ByteBuffer[first.size()];
    for (int i = 0; i < out.length; i++) {
      if (first.get(i) == null) {
        throw new NullPointerException("Vector elements cannot be null");
      }
      out[i] = subtypeCodec.serialize(first.get(i), protocolVersion);
    }
    return out;
  }

  static final class FixedLength<E> extends VectorCodec<E> {
    private final int valueLength;

    public FixedLength(VectorType type, TypeCodec<E> subtypeCodec) {
      super(type, subtypeCodec);
      this.valueLength = subtypeCodec.serializedSize() * type.getDimensions();
    }

    @Override
    public int serializedSize() {
      return valueLength;
    }

    @Override
    public ByteBuffer serialize(List<E> value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      ByteBuffer out = ByteBuffer.allocate(valueLength);
      for (ByteBuffer e : elements(value, protocolVersion)) {
        out.put(e.duplicate());
      }
      out.flip();
      return out;
    }

    @Override
    public List<E> deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return null;
      }
      if (bytes.remaining() != valueLength) {
        throw new InvalidTypeException(String.format("Expected vector of size %d bytes but got %d bytes", valueLength,
            bytes.remaining()));
      }
      ByteBuffer input = bytes.duplicate();
      List<E> out = new ArrayList<E>(type.getDimensions());
      int size = subtypeCodec.serializedSize();
      for (int i = 0; i < type.getDimensions(); i++) {
        out.add(subtypeCodec.deserialize(CodecUtils.readBytes(input, size), protocolVersion));
      }
      return out;
    }
  }

  static final class VariableLength<E> extends VectorCodec<E> {
    public VariableLength(VectorType type, TypeCodec<E> subtypeCodec) {
      super(type, subtypeCodec);
    }

    @Override
    public ByteBuffer serialize(List<E> value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (ByteBuffer e : elements(value, protocolVersion)) {
        ValueBytes.writeUnsignedVInt(out, e.remaining());
        byte[] b = CodecUtils.array(e);
        out.write(b, 0, b.length);
      }
      return ByteBuffer.wrap(out.toByteArray());
    }

    @Override
    public List<E> deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return null;
      }
      ByteBuffer input = bytes.duplicate();
      List<E> out = new ArrayList<E>(type.getDimensions());
      for (int i = 0; i < type.getDimensions(); i++) {
        int size = (int) ValueBytes.readUnsignedVInt(input);
        out.add(subtypeCodec.deserialize(CodecUtils.readBytes(input, size), protocolVersion));
      }
      return out;
    }
  }
}
