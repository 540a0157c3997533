package dev.ringlet.internal.types;

import java.io.ByteArrayOutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized form of {@code vector<element, n>}: exactly n non-null elements. Elements of a
 * fixed-length type (boolean 1; int, float 4; bigint, double, timestamp 8; uuid, timeuuid 16;
 * vectors of those) are packed back to back; others are each prefixed by their length as an
 * unsigned vint ({@link VInts}).
 */
final class VectorBytes {

  private VectorBytes() {}

  /** The fixed serialized length of values of the type, or -1 when it varies. */
  static int fixedLength(CqlType type) {
    if (type instanceof NativeType n) {
      return switch (n) {
        case BOOLEAN -> 1;
        case INT, FLOAT -> 4;
        case BIGINT, DOUBLE, TIMESTAMP -> 8;
        case UUID, TIMEUUID -> 16;
        default -> -1;
      };
    }
    if (type instanceof VectorType v) {
      int element = fixedLength(v.element());
      return element < 0 ? -1 : element * v.dimension();
    }
    return -1;
  }

  /** The elements, checked for framing only. */
  static List<ByteBuffer> read(ByteBuffer value, VectorType type) {
    return read(value, type, false);
  }

  /** The elements, each validated as soon as it is read (Cassandra's error order and wording). */
  static List<ByteBuffer> readValidated(ByteBuffer value, VectorType type) {
    return read(value, type, true);
  }

  private static List<ByteBuffer> read(ByteBuffer value, VectorType type, boolean validate) {
    if (!value.hasRemaining()) {
      throw new MarshalException("Invalid empty vector value");
    }
    int fixed = fixedLength(type.element());
    if (fixed >= 0 && value.remaining() < fixed * type.dimension()) {
      throw new MarshalException("Not enough bytes to read a " + type.cql());
    }
    ByteBuffer in = value.duplicate();
    List<ByteBuffer> out = new ArrayList<>(type.dimension());
    for (int i = 0; i < type.dimension(); i++) {
      int size = fixed >= 0 ? fixed : lengthPrefix(in, value.position());
      if (size > in.remaining()) {
        throw new MarshalException(String.format("Attempted to read %d, but the size is %d", size, in.remaining()));
      }
      ByteBuffer element = in.slice();
      element.limit(size);
      in.position(in.position() + size);
      if (validate) {
        type.element().validate(element);
      }
      out.add(element);
    }
    if (in.hasRemaining()) {
      throw new MarshalException(
          String.format("Unexpected %d extraneous bytes after %s value", in.remaining(), type.cql()));
    }
    return out;
  }

  /** An element's unsigned vint length, with the messages Cassandra gives for broken ones. */
  private static int lengthPrefix(ByteBuffer in, int start) {
    int prefixAt = in.position();
    int offset = prefixAt - start;
    long size;
    try {
      size = VInts.readUnsigned(in);
    } catch (BufferUnderflowException e) {
      size = -1;
    }
    if (size < 0) {
      throw new MarshalException(String.format(
          "Invalidate data at offset %d; saw size of %d but only >= 0 is expected", offset, size));
    }
    if (size > Integer.MAX_VALUE) {
      throw new MarshalException(String.format("%d is out of range for a 32-bit integer", size));
    }
    // like Cassandra, the element starts after the minimal encoding of its length
    in.position(prefixAt + VInts.unsignedSize(size));
    return (int) size;
  }

  static ByteBuffer write(List<ByteBuffer> elements, VectorType type) {
    boolean fixed = fixedLength(type.element()) >= 0;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (ByteBuffer e : elements) {
      if (!fixed) {
        VInts.writeUnsigned(out, e.remaining());
      }
      byte[] bytes = Buffers.bytes(e);
      out.write(bytes, 0, bytes.length);
    }
    return ByteBuffer.wrap(out.toByteArray());
  }
}
