package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * The serialized form of tuples and user types: each component as {@code [int length][bytes]},
 * length -1 for null. Trailing components may be missing (a user type that gained fields), never
 * extra ones.
 */
final class TupleBytes {

  private TupleBytes() {}

  /**
   * Messages naming a component for errors: tuples say "component", user types "field name" and
   * wrap a field's own validation error.
   */
  record Wording(IntFunction<String> sizeMissing, IntFunction<String> bytesMissing, String trailing,
      BiFunction<Integer, String, String> invalidComponent) {}

  static final Wording TUPLE = new Wording(
      i -> String.format("Not enough bytes to read size of %dth component", i),
      i -> String.format("Not enough bytes to read %dth component", i),
      "Invalid remaining data after end of tuple value",
      (i, message) -> message);

  /** The components present (nulls included), at most {@code arity}, checked for framing only. */
  static List<ByteBuffer> read(ByteBuffer value, int arity, Wording wording) {
    return read(value, arity, wording, null);
  }

  /** The components, each validated by its type as soon as it is read (Cassandra's error order). */
  static List<ByteBuffer> readValidated(ByteBuffer value, List<CqlType> types, Wording wording) {
    return read(value, types.size(), wording, types);
  }

  private static List<ByteBuffer> read(ByteBuffer value, int arity, Wording wording, List<CqlType> types) {
    ByteBuffer in = value.duplicate();
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < arity && in.hasRemaining(); i++) {
      if (in.remaining() < 4) {
        throw new MarshalException(wording.sizeMissing().apply(i));
      }
      int size = in.getInt();
      if (size < 0) {
        out.add(null);
        continue;
      }
      if (in.remaining() < size) {
        throw new MarshalException(wording.bytesMissing().apply(i));
      }
      ByteBuffer component = in.slice();
      component.limit(size);
      if (types != null) {
        try {
          types.get(i).validate(component);
        } catch (MarshalException e) {
          throw new MarshalException(wording.invalidComponent().apply(i, e.getMessage()));
        }
      }
      out.add(component);
      in.position(in.position() + size);
    }
    if (in.hasRemaining()) {
      throw new MarshalException(wording.trailing());
    }
    return out;
  }

  static ByteBuffer write(List<ByteBuffer> components) {
    int size = 0;
    for (ByteBuffer c : components) {
      size += 4 + (c == null ? 0 : c.remaining());
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    for (ByteBuffer c : components) {
      if (c == null) {
        out.putInt(-1);
      } else {
        out.putInt(c.remaining()).put(c.duplicate());
      }
    }
    return out.flip();
  }

  /**
   * Component-wise order: null before any value; when one side runs out, it is equal if the
   * other's remaining components are all null, else smaller.
   */
  static int compare(List<ByteBuffer> a, List<ByteBuffer> b, List<CqlType> types) {
    int n = Math.min(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      ByteBuffer x = a.get(i);
      ByteBuffer y = b.get(i);
      int c = x == null ? (y == null ? 0 : -1) : (y == null ? 1 : types.get(i).compare(x, y));
      if (c != 0) {
        return c;
      }
    }
    boolean restOfANull = a.subList(n, a.size()).stream().allMatch(v -> v == null);
    boolean restOfBNull = b.subList(n, b.size()).stream().allMatch(v -> v == null);
    if (restOfANull && restOfBNull) {
      return 0;
    }
    return restOfANull ? -1 : 1;
  }
}
