package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code map<key, value>}, serialized as in {@link CollectionBytes} with keys unique and in the
 * key type's order.
 */
public record MapType(CqlType key, CqlType value, boolean frozen) implements CqlType {
  @Override public String cql() { return (frozen ? "frozen<" : "") + "map<" + key.cql() + ", " + value.cql() + ">" + (frozen ? ">" : ""); }
  @Override public boolean isMultiCell() { return !frozen; }
  @Override public CqlType freeze() { return new MapType(key, value, true); }

  /** The serialized entries of a map value, in stored order. */
  public List<Map.Entry<ByteBuffer, ByteBuffer>> entries(ByteBuffer serialized) {
    List<ByteBuffer> flat = CollectionBytes.read(serialized, 2, "map");
    List<Map.Entry<ByteBuffer, ByteBuffer>> out = new ArrayList<>(flat.size() / 2);
    for (int i = 0; i < flat.size(); i += 2) {
      out.add(Map.entry(flat.get(i), flat.get(i + 1)));
    }
    return out;
  }

  /** The map value of serialized entries: sorted by key; of equal keys the last one wins. */
  public ByteBuffer pack(List<Map.Entry<ByteBuffer, ByteBuffer>> entries) {
    List<Map.Entry<ByteBuffer, ByteBuffer>> sorted = new ArrayList<>(entries);
    sorted.sort((x, y) -> key.compare(x.getKey(), y.getKey()));
    List<Map.Entry<ByteBuffer, ByteBuffer>> unique = new ArrayList<>();
    for (Map.Entry<ByteBuffer, ByteBuffer> e : sorted) {
      int last = unique.size() - 1;
      if (last >= 0 && key.compare(unique.get(last).getKey(), e.getKey()) == 0) {
        unique.set(last, e);
      } else {
        unique.add(e);
      }
    }
    List<ByteBuffer> flat = new ArrayList<>();
    for (Map.Entry<ByteBuffer, ByteBuffer> e : unique) {
      flat.add(e.getKey());
      flat.add(e.getValue());
    }
    return CollectionBytes.write(flat, unique.size());
  }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    List<Map.Entry<ByteBuffer, ByteBuffer>> left = entries(a);
    List<Map.Entry<ByteBuffer, ByteBuffer>> right = entries(b);
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      int c = key.compare(left.get(i).getKey(), right.get(i).getKey());
      if (c == 0) {
        c = value.compare(left.get(i).getValue(), right.get(i).getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(left.size(), right.size());
  }

  @Override
  public void validate(ByteBuffer serialized) {
    if (serialized == null) {
      return;
    }
    CollectionBytes.readValidated(serialized, "map", List.of(key, value));
  }

  /** Entries come back in the key type's order even if the bytes were not sorted. */
  @Override
  public Object decode(ByteBuffer serialized) {
    if (serialized == null || !serialized.hasRemaining()) {
      return null;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    List<Map.Entry<ByteBuffer, ByteBuffer>> sorted = new ArrayList<>(entries(serialized));
    sorted.sort((x, y) -> key.compare(x.getKey(), y.getKey()));
    for (Map.Entry<ByteBuffer, ByteBuffer> e : sorted) {
      key.validate(e.getKey());
      value.validate(e.getValue());
      out.put(key.decode(e.getKey()), value.decode(e.getValue()));
    }
    return out;
  }

  @Override
  public ByteBuffer encode(Object javaValue) {
    if (javaValue == null) {
      return null;
    }
    List<Map.Entry<ByteBuffer, ByteBuffer>> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : ((Map<?, ?>) javaValue).entrySet()) {
      out.add(Map.entry(CollectionBytes.encodeElement(key, e.getKey()),
          CollectionBytes.encodeElement(value, e.getValue())));
    }
    return pack(out);
  }

  @Override public boolean accepts(LiteralKind kind) { return false; }

  @Override
  public ByteBuffer parse(LiteralKind kind, String text) {
    throw new MarshalException(String.format("Invalid %s constant (%s) for type %s", kind, text, cql()));
  }

  @Override
  public String toCqlLiteral(ByteBuffer serialized) {
    if (serialized == null || !serialized.hasRemaining()) {
      return "null";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<ByteBuffer, ByteBuffer> e : entries(serialized)) {
      parts.add(key.toCqlLiteral(e.getKey()) + ": " + value.toCqlLiteral(e.getValue()));
    }
    return CollectionBytes.join(parts, "{", "}");
  }

  @Override
  public String toJson(ByteBuffer serialized) {
    if (serialized == null) {
      return "null";
    }
    if (!serialized.hasRemaining()) {
      return "\"\"";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<ByteBuffer, ByteBuffer> e : entries(serialized)) {
      parts.add(JsonValues.mapKey(key.toJson(e.getKey())) + ": " + value.toJson(e.getValue()));
    }
    return CollectionBytes.join(parts, "{", "}");
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    if (json == null) {
      return null;
    }
    List<Map.Entry<ByteBuffer, ByteBuffer>> out = new ArrayList<>();
    for (Map.Entry<?, ?> e : JsonValues.map(json).entrySet()) {
      if (e.getKey() == null) {
        throw new MarshalException("Invalid null key in map");
      }
      if (e.getValue() == null) {
        throw new MarshalException("Invalid null value in map");
      }
      out.add(Map.entry(key.fromJson(e.getKey()), value.fromJson(e.getValue())));
    }
    return pack(out);
  }
}
