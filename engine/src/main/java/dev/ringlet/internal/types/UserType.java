package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user-defined type; {@code name} is its CQL identifier as stored (case kept). Values are
 * serialized like tuples ({@link TupleBytes}) in field order.
 */
public record UserType(String keyspace, String name, java.util.List<String> fieldNames, java.util.List<CqlType> fieldTypes, boolean frozen) implements CqlType {
  /** The name as Cassandra writes it: double-quoted unless lower-case simple ({@code frozen<"Mixed">}). */
  @Override public String cql() {
    String quoted = CqlIdentifiers.maybeQuote(name);
    return frozen ? "frozen<" + quoted + ">" : quoted;
  }
  @Override public boolean isMultiCell() { return !frozen; }
  @Override public CqlType freeze() { return new UserType(keyspace, name, fieldNames, fieldTypes, true); }

  private TupleBytes.Wording wording() {
    return new TupleBytes.Wording(
        i -> String.format("Not enough bytes to read size of %dth field %s", i, fieldNames.get(i)),
        i -> String.format("Not enough bytes to read %dth field %s", i, fieldNames.get(i)),
        "Invalid remaining data after end of UDT value",
        (i, message) -> String.format("Failure validating the %dth field %s; %s", i, fieldNames.get(i), message));
  }

  /** The serialized fields present, in field order (null for null; trailing ones may be absent). */
  public List<ByteBuffer> split(ByteBuffer value) {
    return TupleBytes.read(value, fieldTypes.size(), wording());
  }

  /** The value of serialized fields in field order (null for null). */
  public ByteBuffer pack(List<ByteBuffer> fields) {
    return TupleBytes.write(fields);
  }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    if (!a.hasRemaining() || !b.hasRemaining()) {
      return Boolean.compare(!b.hasRemaining(), !a.hasRemaining());
    }
    return TupleBytes.compare(split(a), split(b), fieldTypes);
  }

  @Override
  public void validate(ByteBuffer value) {
    if (value == null) {
      return;
    }
    TupleBytes.readValidated(value, fieldTypes, wording());
  }

  @Override
  public Object decode(ByteBuffer value) {
    if (value == null || !value.hasRemaining()) {
      return null;
    }
    validate(value);
    List<ByteBuffer> fields = split(value);
    Map<String, Object> out = new LinkedHashMap<>();
    for (int i = 0; i < fieldTypes.size(); i++) {
      ByteBuffer f = i < fields.size() ? fields.get(i) : null;
      out.put(fieldNames.get(i), f == null ? null : fieldTypes.get(i).decode(f));
    }
    return out;
  }

  @Override
  public ByteBuffer encode(Object value) {
    if (value == null) {
      return null;
    }
    Map<?, ?> map = (Map<?, ?>) value;
    for (Object field : map.keySet()) {
      if (!fieldNames.contains(field)) {
        throw new MarshalException(String.format("Unknown field '%s' in value of user defined type %s", field, name));
      }
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < fieldNames.size(); i++) {
      Object f = map.get(fieldNames.get(i));
      out.add(f == null ? null : fieldTypes.get(i).encode(f));
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
    List<ByteBuffer> fields = split(value);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      String literal = fields.get(i) == null ? "null" : fieldTypes.get(i).toCqlLiteral(fields.get(i));
      parts.add(CqlIdentifiers.maybeQuote(fieldNames.get(i)) + ": " + literal);
    }
    return CollectionBytes.join(parts, "{", "}");
  }

  @Override
  public String toJson(ByteBuffer value) {
    if (value == null) {
      return "null";
    }
    if (!value.hasRemaining()) {
      return "\"\"";
    }
    List<ByteBuffer> fields = split(value);
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < fieldTypes.size(); i++) {
      ByteBuffer f = i < fields.size() ? fields.get(i) : null;
      parts.add(CqlIdentifiers.toJsonKey(fieldNames.get(i)) + ": " + (f == null ? "null" : fieldTypes.get(i).toJson(f)));
    }
    return CollectionBytes.join(parts, "{", "}");
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    if (json == null) {
      return null;
    }
    Map<String, Object> byField = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : JsonValues.map(json).entrySet()) {
      String field = CqlIdentifiers.fromJsonKey(String.valueOf(e.getKey()));
      if (!fieldNames.contains(field)) {
        throw new MarshalException(
            String.format("Unknown field '%s' in value of user defined type %s", field, name));
      }
      byField.put(field, e.getValue());
    }
    List<ByteBuffer> out = new ArrayList<>();
    for (int i = 0; i < fieldNames.size(); i++) {
      Object f = byField.get(fieldNames.get(i));
      out.add(f == null ? null : fieldTypes.get(i).fromJson(f));
    }
    return pack(out);
  }
}
