package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@code set<element>}, serialized like a list ({@link CollectionBytes}) with its elements
 * unique and in the element type's order.
 */
public record SetType(CqlType element, boolean frozen) implements CqlType {
  @Override public String cql() { return (frozen ? "frozen<set<" + element.cql() + ">>" : "set<" + element.cql() + ">"); }
  @Override public boolean isMultiCell() { return !frozen; }
  @Override public CqlType freeze() { return new SetType(element, true); }

  /** The serialized elements of a set value, in stored order. */
  public List<ByteBuffer> elements(ByteBuffer value) {
    return CollectionBytes.read(value, 1, "set");
  }

  /** The set value of serialized elements: sorted by the element type, duplicates dropped. */
  public ByteBuffer pack(List<ByteBuffer> elements) {
    List<ByteBuffer> sorted = new ArrayList<>(elements);
    sorted.sort(element::compare);
    List<ByteBuffer> unique = new ArrayList<>();
    for (ByteBuffer e : sorted) {
      if (unique.isEmpty() || element.compare(unique.get(unique.size() - 1), e) != 0) {
        unique.add(e);
      }
    }
    return CollectionBytes.write(unique, unique.size());
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
      CollectionBytes.readValidated(value, "set", List.of(element));
    }
  }

  /** Elements come back in the element type's order even if the bytes were not sorted. */
  @Override
  public Object decode(ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return null;
    }
    Set<Object> out = new LinkedHashSet<>();
    List<ByteBuffer> sorted = new ArrayList<>(elements(value));
    sorted.sort(element::compare);
    for (ByteBuffer e : sorted) {
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
    return CollectionBytes.join(elements(value).stream().map(element::toCqlLiteral).toList(), "{", "}");
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
    for (Object e : JsonValues.list(json, "a list (representing a set)")) {
      if (e == null) {
        throw new MarshalException("Invalid null element in set");
      }
      out.add(element.fromJson(e));
    }
    return pack(out);
  }
}
