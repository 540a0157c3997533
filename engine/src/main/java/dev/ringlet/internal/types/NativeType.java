package dev.ringlet.internal.types;

/** The native (scalar) CQL types. {@code varchar} is an alias of {@link #TEXT}. STUB: the types work fills this in. */
public enum NativeType implements CqlType {
  ASCII,
  BIGINT,
  BLOB,
  BOOLEAN,
  COUNTER,
  DATE,
  DECIMAL,
  DOUBLE,
  DURATION,
  FLOAT,
  INET,
  INT,
  SMALLINT,
  TEXT,
  TIME,
  TIMESTAMP,
  TIMEUUID,
  TINYINT,
  UUID,
  VARINT;

  @Override public String cql() { return name().toLowerCase(java.util.Locale.ROOT); }
  @Override public boolean isMultiCell() { return false; }
  @Override public CqlType freeze() { return this; }

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
