package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A {@code tuple<...>}; always frozen. Serialized as described in {@link TupleBytes}. */
public record TupleType(java.util.List<CqlType> elements) implements CqlType {
  @Override public String cql() { return "frozen<tuple<" + String.join(", ", elements.stream().map(CqlType::cql).toList()) + ">>"; }
  @Override public boolean isMultiCell() { return false; }
  @Override public CqlType freeze() { return this; }

  /** The serialized components present (null for a null component; trailing ones may be absent). */
  public List<ByteBuffer> split(ByteBuffer value) {
    return TupleBytes.read(value, elements.size(), TupleBytes.TUPLE);
  }

  /** The tuple value of serialized components (null for null). */
  public ByteBuffer pack(List<ByteBuffer> components) {
    return TupleBytes.write(components);
  }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    return TupleBytes.compare(split(a), split(b), elements);
  }

  @Override
  public void validate(ByteBuffer value) {
    if (value == null) {
      return;
    }
    TupleBytes.readValidated(value, elements, TupleBytes.TUPLE);
  }

  @Override
  public Object decode(ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return null;
    }
    validate(value);
    List<ByteBuffer> components = split(value);
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      ByteBuffer c = i < components.size() ? components.get(i) : null;
      out.add(c == null ? null : elements.get(i).decode(c));
    }
    return out;
  }

  @Override
  public ByteBuffer encode(Object value) {
    if (value == null) {
      return null;
    }
    List<?> values = (List<?>) value;
    if (values.size() > elements.size()) {
      throw new MarshalException(String.format("Invalid tuple literal: too many elements. Type %s expects %d but got %d",
          cql(), elements.size(), values.size()));
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      out.add(values.get(i) == null ? null : elements.get(i).encode(values.get(i)));
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
    List<ByteBuffer> components = split(value);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      parts.add(components.get(i) == null ? "null" : elements.get(i).toCqlLiteral(components.get(i)));
    }
    return CollectionBytes.join(parts, "(", ")");
  }

  @Override
  public String toJson(ByteBuffer value) {
    if (value == null) {
      return "null";
    }
    if (!value.hasRemaining()) {
      return "\"\"";
    }
    List<ByteBuffer> components = split(value);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < components.size(); i++) {
      parts.add(components.get(i) == null ? "null" : elements.get(i).toJson(components.get(i)));
    }
    return CollectionBytes.join(parts, "[", "]");
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    if (json == null) {
      return null;
    }
    List<?> list = JsonValues.list(json, "a list representation of a tuple");
    if (list.size() > elements.size()) {
      throw new MarshalException(String.format("Tuple contains extra items (expected %s): %s", elements.size(), json));
    }
    if (list.size() < elements.size()) {
      throw new MarshalException(String.format("Tuple is missing items (expected %s): %s", elements.size(), json));
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      out.add(list.get(i) == null ? null : elements.get(i).fromJson(list.get(i)));
    }
    return pack(out);
  }
}
