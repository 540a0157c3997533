package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A {@code vector<element, dimension>}; always frozen. Serialized as in {@link VectorBytes}. */
public record VectorType(CqlType element, int dimension) implements CqlType {
  @Override public String cql() { return "vector<" + element.cql() + ", " + dimension + ">"; }
  @Override public boolean isMultiCell() { return false; }
  @Override public CqlType freeze() { return this; }

  /** The serialized elements of a (non-empty) vector value. */
  public List<ByteBuffer> split(ByteBuffer value) {
    return VectorBytes.read(value, this);
  }

  /** The vector value of exactly {@code dimension} serialized, non-null elements. */
  public ByteBuffer pack(List<ByteBuffer> elements) {
    check(elements);
    return VectorBytes.write(elements, this);
  }

  private void check(List<?> values) {
    if (values.size() != dimension) {
      throw new MarshalException(String.format("Required %d elements, but saw %d", dimension, values.size()));
    }
    for (int i = 0; i < dimension; i++) {
      Object v = values.get(i);
      if (v == null || (v instanceof ByteBuffer b && !b.hasRemaining() && !emptyIsValue(element))) {
        throw new MarshalException(String.format("Element at index %d is null (expected type %s); given %s",
            i, element.cql(), values));
      }
    }
  }

  private static boolean emptyIsValue(CqlType type) {
    return type instanceof NativeType n && n.emptyIsValue();
  }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    List<ByteBuffer> left = split(a);
    List<ByteBuffer> right = split(b);
    for (int i = 0; i < dimension; i++) {
      int c = element.compare(left.get(i), right.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  @Override
  public void validate(ByteBuffer value) {
    if (value != null) {
      VectorBytes.readValidated(value, this);
    }
  }

  @Override
  public Object decode(ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return null;
    }
    List<Object> out = new ArrayList<>(dimension);
    for (ByteBuffer e : split(value)) {
      element.validate(e);
      out.add(element.decode(e));
    }
    return out;
  }

  @Override
  public ByteBuffer encode(Object value) {
    if (value == null) {
      return null;
    }
    List<?> values = (List<?>) value;
    check(values);
    List<ByteBuffer> out = new ArrayList<>(dimension);
    for (Object v : values) {
      out.add(element.encode(v));
    }
    return pack(out);
  }

  @Override public boolean accepts(LiteralKind kind) { return false; }

  @Override
  public ByteBuffer parse(LiteralKind kind, String text) {
    throw new MarshalException(String.format("Invalid %s constant (%s) for type %s", kind, text, cql()));
  }

  @Override
  public String toCqlLiteral(ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return "null";
    }
    return CollectionBytes.join(split(value).stream().map(element::toCqlLiteral).toList(), "[", "]");
  }

  @Override
  public String toJson(ByteBuffer value) {
    if (value == null) {
      return "null";
    }
    if (!value.hasRemaining()) {
      return "\"\"";
    }
    return CollectionBytes.join(split(value).stream().map(element::toJson).toList(), "[", "]");
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    if (json == null) {
      return null;
    }
    List<?> list = JsonValues.list(json, "a list");
    if (list.size() != dimension) {
      throw new MarshalException(String.format("List had incorrect size: expected %d but given %d; %s",
          dimension, list.size(), list));
    }
    List<ByteBuffer> out = new ArrayList<>(dimension);
    for (Object e : list) {
      if (e == null) {
        throw new MarshalException("Invalid null element in list");
      }
      out.add(element.fromJson(e));
    }
    return pack(out);
  }
}
