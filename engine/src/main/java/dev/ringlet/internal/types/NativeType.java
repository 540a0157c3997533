package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Locale;

/**
 * The native (scalar) CQL types. {@code varchar} is an alias of {@link #TEXT}. Each constant
 * delegates to one codec object holding that type's serialization, order and literal rules.
 */
public enum NativeType implements CqlType {
  ASCII(new AsciiCodec()),
  BIGINT(new BigintCodec()),
  BLOB(new BlobCodec()),
  BOOLEAN(new BooleanCodec()),
  COUNTER(new BigintCodec()),
  DATE(new DateCodec()),
  DECIMAL(new DecimalCodec()),
  DOUBLE(new DoubleCodec()),
  DURATION(new DurationCodec()),
  FLOAT(new FloatCodec()),
  INET(new InetCodec()),
  INT(new IntCodec()),
  SMALLINT(new SmallintCodec()),
  TEXT(new TextCodec()),
  TIME(new TimeCodec()),
  /** The literal {@code 'now'} reads the system clock, as in Cassandra. */
  TIMESTAMP(new TimestampCodec(Clock.systemUTC())),
  TIMEUUID(new TimeuuidCodec()),
  TINYINT(new TinyintCodec()),
  UUID(new UuidCodec()),
  VARINT(new VarintCodec());

  private final NativeCodec codec;

  NativeType(NativeCodec codec) {
    this.codec = codec;
  }

  /** The type of a CQL name, case-insensitive, {@code varchar} being {@link #TEXT}; null if unknown. */
  public static NativeType byName(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT);
    if (n.equals("varchar")) {
      return TEXT;
    }
    for (NativeType t : values()) {
      if (t.cql().equals(n)) {
        return t;
      }
    }
    return null;
  }

  @Override public String cql() { return name().toLowerCase(java.util.Locale.ROOT); }
  @Override public boolean isMultiCell() { return false; }
  @Override public CqlType freeze() { return this; }

  @Override
  public int compare(ByteBuffer a, ByteBuffer b) {
    return codec.compare(a, b);
  }

  @Override
  public void validate(ByteBuffer value) {
    if (value != null) {
      codec.validate(value);
    }
  }

  @Override
  public Object decode(ByteBuffer value) {
    return codec.decode(value);
  }

  @Override
  public ByteBuffer encode(Object value) {
    return value == null ? null : codec.encodeNonNull(value);
  }

  @Override
  public boolean accepts(LiteralKind kind) {
    return codec.accepts(kind);
  }

  @Override
  public ByteBuffer parse(LiteralKind kind, String text) {
    if (!accepts(kind)) {
      throw new MarshalException(String.format("Invalid %s constant (%s) for type %s", kind, text, cql()));
    }
    return codec.parse(kind, text);
  }

  @Override
  public String toCqlLiteral(ByteBuffer value) {
    return codec.toCqlLiteral(value);
  }

  @Override
  public String toJson(ByteBuffer value) {
    return codec.toJson(value);
  }

  @Override
  public ByteBuffer fromJson(Object json) {
    return codec.fromJson(json);
  }

  /** Whether the empty value is a value of this type (text, ascii, blob) rather than "no value". */
  boolean emptyIsValue() {
    return codec.emptyIsValue();
  }
}
