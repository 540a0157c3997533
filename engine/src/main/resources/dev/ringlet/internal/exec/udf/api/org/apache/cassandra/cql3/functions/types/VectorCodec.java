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

  /**
   * 5.0's reading: the text between the first and last characters (any brackets), split on commas,
   * each part trimmed and parsed by the element codec; no count check; an empty or null part fails
   * with a bare {@code NullPointerException} (5.0's immutable list refuses nulls).
   */
  @Override
  public List<E> parse(String value) throws InvalidTypeException {
    if (value == null || value.isEmpty() || value.equalsIgnoreCase("NULL")) {
      return null;
    }
    List<E> out = new ArrayList<E>();
    for (String part : value.substring(1, value.length() - 1).split(",", -1)) {
      out.add(notNull(subtypeCodec.parse(part.trim())));
    }
    return out;
  }

  /** 5.0's printing: each element's {@code toString}, no count check. */
  @Override
  public String format(List<E> value) throws InvalidTypeException {
    if (value == null) {
      return "NULL";
    }
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < value.size(); i++) {
      sb.append(i == 0 ? "" : ", ").append(value.get(i));
    }
    return sb.append(']').toString();
  }

  static <T> T notNull(T element) {
    if (element == null) {
      throw new NullPointerException();
    }
    return element;
  }

  /**
   * Fixed-length elements back to back, as 5.0: serializing takes the first {@code dimensions}
   * elements ({@code NoSuchElementException} when there are fewer); deserializing splits the bytes
   * into {@code dimensions} equal parts (a count that does not divide fails 5.0's assertion), each
   * read by the element codec, whose messages then tell a wrong size.
   */
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
      if (value == null || type.getDimensions() <= 0) {
        return null;
      }
      java.util.Iterator<E> values = value.iterator();
      ByteBuffer out = ByteBuffer.allocate(valueLength);
      for (int i = 0; i < type.getDimensions(); i++) {
        ByteBuffer valueBuff = subtypeCodec.serialize(values.next(), protocolVersion);
        if (valueBuff == null) {
          throw new NullPointerException("Cannot invoke \"java.nio.ByteBuffer.rewind()\" because \"valueBuff\" is null");
        }
        valueBuff.rewind();
        out.put(valueBuff);
      }
      out.flip();
      return out;
    }

    @Override
    public List<E> deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (bytes == null || bytes.remaining() == 0) {
        return null;
      }
      int dimensions = type.getDimensions();
      int elementSize = Math.floorDiv(bytes.remaining(), dimensions);
      if (bytes.remaining() % dimensions != 0) {
        throw new AssertionError(String.format(
            "Expected elements of uniform size, observed %d elements with total bytes %d", dimensions, bytes.remaining()));
      }
      ByteBuffer slice = bytes.slice();
      List<E> out = new ArrayList<E>(dimensions);
      for (int i = 0; i < dimensions; i++) {
        int position = slice.position();
        slice.limit(position + elementSize);
        out.add(notNull(subtypeCodec.deserialize(slice, protocolVersion)));
        slice.position(position + elementSize);
        slice.limit(slice.capacity());
      }
      return out;
    }
  }

  /**
   * Each element after its unsigned vint length, as 5.0: serializing needs exactly {@code
   * dimensions} elements (5.0's assertion fails otherwise); deserializing reads {@code dimensions}
   * of them and ignores what follows, failing as 5.0's buffers do when a length runs past the end.
   */
  static final class VariableLength<E> extends VectorCodec<E> {
    public VariableLength(VectorType type, TypeCodec<E> subtypeCodec) {
      super(type, subtypeCodec);
    }

    @Override
    public ByteBuffer serialize(List<E> value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      if (value.size() != type.getDimensions()) {
        throw new AssertionError();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (E element : value) {
        ByteBuffer bb = subtypeCodec.serialize(element, protocolVersion);
        if (bb == null) {
          throw new NullPointerException("Cannot invoke \"java.nio.ByteBuffer.remaining()\" because \"bb\" is null");
        }
        ValueBytes.writeUnsignedVInt(out, bb.remaining());
        byte[] b = CodecUtils.array(bb);
        out.write(b, 0, b.length);
      }
      return ByteBuffer.wrap(out.toByteArray());
    }

    @Override
    public List<E> deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (bytes == null || bytes.remaining() == 0) {
        return null;
      }
      ByteBuffer input = bytes.duplicate();
      List<E> out = new ArrayList<E>(type.getDimensions());
      for (int i = 0; i < type.getDimensions(); i++) {
        int size = unsignedVInt32(input, input.position());
        input.position(input.position() + unsignedVIntSize(size));
        if (size < 0) {
          throw new NullPointerException();
        }
        ByteBuffer copy = input.duplicate();
        copy.limit(copy.position() + size);
        input.position(input.position() + size);
        out.add(notNull(subtypeCodec.deserialize(copy, protocolVersion)));
      }
      return out;
    }

    /** The unsigned vint at {@code position}, or -1 when the buffer ends before it does (as 5.0's VIntCoding). */
    private static int unsignedVInt32(ByteBuffer input, int position) {
      if (position >= input.limit()) {
        return -1;
      }
      int first = input.get(position);
      if (first >= 0) {
        return first;
      }
      int extra = Integer.numberOfLeadingZeros(~first << 24);
      if (position + 1 + extra > input.limit()) {
        return -1;
      }
      long value = first & (0xff >> extra);
      for (int i = 1; i <= extra; i++) {
        value = (value << 8) | (input.get(position + i) & 0xff);
      }
      return (int) value;
    }

    /** The bytes of an unsigned vint of {@code value} (a negative int read as a long: 9). */
    private static int unsignedVIntSize(long value) {
      int magnitude = Long.numberOfLeadingZeros(value | 1);
      return (639 - magnitude * 9) >> 6;
    }
  }
}
