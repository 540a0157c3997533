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

  static List<ByteBuffer> read(ByteBuffer value, VectorType type) {
    if (!value.hasRemaining()) {
      throw new MarshalException("Invalid empty vector value");
    }
    int fixed = fixedLength(type.element());
    ByteBuffer in = value.duplicate();
    List<ByteBuffer> out = new ArrayList<>(type.dimension());
    try {
      for (int i = 0; i < type.dimension(); i++) {
        int size = fixed >= 0 ? fixed : (int) VInts.readUnsigned(in);
        if (size < 0 || size > in.remaining()) {
          throw new BufferUnderflowException();
        }
        ByteBuffer element = in.slice();
        element.limit(size);
        out.add(element);
        in.position(in.position() + size);
      }
    } catch (BufferUnderflowException e) {
      throw new MarshalException("Not enough bytes to read a " + type.cql());
    }
    if (in.hasRemaining()) {
      throw new MarshalException(
          String.format("Unexpected %d extraneous bytes after %s value", in.remaining(), type.cql()));
    }
    return out;
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
