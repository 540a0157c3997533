package dev.ringlet.internal.types;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The serialized form of lists, sets and maps (native protocol v3+ and frozen storage alike):
 *
 * <pre>
 * [int n] then n elements (lists, sets) or n key-value pairs (maps), each [int length][bytes]
 * </pre>
 *
 * A negative length would be null, which collections do not allow.
 */
final class CollectionBytes {

  private CollectionBytes() {}

  /** The elements (keys and values alternating for maps), checked for framing only. */
  static List<ByteBuffer> read(ByteBuffer value, int valuesPerEntry, String kind) {
    return read(value, kind, null, valuesPerEntry);
  }

  /**
   * The elements, each validated by its type ({@code types}: the element type, or key then value
   * type) as soon as it is read, so that errors come in Cassandra's order.
   */
  static List<ByteBuffer> readValidated(ByteBuffer value, String kind, List<CqlType> types) {
    return read(value, kind, types, types.size());
  }

  private static List<ByteBuffer> read(ByteBuffer value, String kind, List<CqlType> types, int valuesPerEntry) {
    ByteBuffer in = value.duplicate();
    try {
      int count = in.getInt();
      List<ByteBuffer> out = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        for (int j = 0; j < valuesPerEntry; j++) {
          ByteBuffer element = readOne(in);
          if (types != null) {
            types.get(j).validate(element);
          }
          out.add(element);
        }
      }
      if (in.hasRemaining()) {
        throw new MarshalException("Unexpected extraneous bytes after " + kind + " value");
      }
      return out;
    } catch (BufferUnderflowException | IndexOutOfBoundsException e) {
      throw new MarshalException("Not enough bytes to read a " + kind);
    }
  }

  private static ByteBuffer readOne(ByteBuffer in) {
    int size = in.getInt();
    if (size < 0) {
      throw new MarshalException("Null value read when not allowed");
    }
    if (size > in.remaining()) {
      throw new BufferUnderflowException();
    }
    ByteBuffer element = in.slice();
    element.limit(size);
    in.position(in.position() + size);
    return element;
  }

  static ByteBuffer write(List<ByteBuffer> values, int count) {
    int size = 4;
    for (ByteBuffer v : values) {
      size += 4 + v.remaining();
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(count);
    for (ByteBuffer v : values) {
      out.putInt(v.remaining()).put(v.duplicate());
    }
    return out.flip();
  }

  /** Element-wise order of lists and sets (frozen): first difference, then the shorter first. */
  static int compareSequences(List<ByteBuffer> a, List<ByteBuffer> b, CqlType element) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      int c = element.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  static ByteBuffer encodeElement(CqlType type, Object value) {
    if (value == null) {
      throw new MarshalException("null is not supported inside collections");
    }
    return type.encode(value);
  }

  static String join(List<String> parts, String open, String close) {
    return open + String.join(", ", parts) + close;
  }
}
