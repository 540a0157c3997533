package dev.ringlet.internal.types;

/** A {@code list<element>}. STUB: the types work fills this in. */
public record ListType(CqlType element, boolean frozen) implements CqlType {
  @Override public String cql() { return (frozen ? "frozen<list<" + element.cql() + ">>" : "list<" + element.cql() + ">"); }
  @Override public boolean isMultiCell() { return !frozen; }
  @Override public CqlType freeze() { return new ListType(element, true); }

  @Override public int compare(java.nio.ByteBuffer a, java.nio.ByteBuffer b) { throw new UnsupportedOperationException("TODO types"); }
  @Override public void validate(java.nio.ByteBuffer value) { throw new UnsupportedOperationException("TODO types"); }
  @Override public Object decode(java.nio.ByteBuffer value) { throw new UnsupportedOperationException("TODO types"); }
  @Override public java.nio.ByteBuffer encode(Object value) { throw new UnsupportedOperationException("TODO types"); }
  @Override public boolean accepts(LiteralKind kind) { throw new UnsupportedOperationException("TODO types"); }
  @Override public java.nio.ByteBuffer parse(LiteralKind kind, String text) { throw new UnsupportedOperationException("TODO types"); }
  @Override public String toCqlLiteral(java.nio.ByteBuffer value) { throw new UnsupportedOperationException("TODO types"); }
  @Override public String toJson(java.nio.ByteBuffer value) { throw new UnsupportedOperationException("TODO types"); }
  @Override public java.nio.ByteBuffer fromJson(Object json) { throw new UnsupportedOperationException("TODO types"); }

}
