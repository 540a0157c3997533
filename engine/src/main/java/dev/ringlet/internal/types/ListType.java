package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/** A {@code list<element>}, serialized as described in {@link CollectionBytes}. */
public record ListType(CqlType element, boolean frozen) implements CqlType {
  @Override public String cql() { return (frozen ? "frozen<list<" + element.cql() + ">>" : "list<" + element.cql() + ">"); }
  @Override public boolean isMultiCell() { return !frozen; }
  @Override public CqlType freeze() { return new ListType(element, true); }

  /** The serialized elements of a list value. */
  public List<ByteBuffer> elements(ByteBuffer value) {
    return CollectionBytes.read(value, 1, "list");
  }

  /** The list value of serialized elements. */
  public ByteBuffer pack(List<ByteBuffer> elements) {
    return CollectionBytes.write(elements, elements.size());
  }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    return CollectionBytes.compareSequences(elements(a), elements(b), element);
  }

  @Override
  public void validate(ByteBuffer value) {
    if (value != null) {
      CollectionBytes.readValidated(value, "list", List.of(element));
    }
  }

  @Override
  public Object decode(ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return null;
    }
    List<Object> out = new ArrayList<>();
    for (ByteBuffer e : elements(value)) {
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
    List<ByteBuffer> out = new ArrayList<>();
    for (Object e : (Iterable<?>) value) {
      out.add(CollectionBytes.encodeElement(element, e));
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
    return CollectionBytes.join(elements(value).stream().map(element::toCqlLiteral).toList(), "[", "]");
  }

  @Override
  public String toJson(ByteBuffer value) {
    if (value == null) {
      return "null";
    }
    if (!value.hasRemaining()) {
      return "\"\"";
    }
    return CollectionBytes.join(elements(value).stream().map(element::toJson).toList(), "[", "]");
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    if (json == null) {
      return null;
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (Object e : JsonValues.list(json, "a list")) {
      if (e == null) {
        throw new MarshalException("Invalid null element in list");
      }
      out.add(element.fromJson(e));
    }
    return pack(out);
  }
}
