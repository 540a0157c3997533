package dev.ringlet.internal.types;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Locale;

/**
 * The native (scalar) CQL types. {@code varchar} is an alias of {@link #TEXT}. Each constant
 * delegates to one codec object holding that type's serialization, order and literal rules.
 */
public enum NativeType implements CqlType {
  ASCII("AsciiType", new AsciiCodec()),
  BIGINT("LongType", new BigintCodec()),
  BLOB("BytesType", new BlobCodec()),
  BOOLEAN("BooleanType", new BooleanCodec()),
  COUNTER("CounterColumnType", new BigintCodec()),
  DATE("SimpleDateType", new DateCodec()),
  DECIMAL("DecimalType", new DecimalCodec()),
  DOUBLE("DoubleType", new DoubleCodec()),
  DURATION("DurationType", new DurationCodec()),
  FLOAT("FloatType", new FloatCodec()),
  INET("InetAddressType", new InetCodec()),
  INT("Int32Type", new IntCodec()),
  SMALLINT("ShortType", new SmallintCodec()),
  TEXT("UTF8Type", new TextCodec()),
  TIME("TimeType", new TimeCodec()),
  /** The literal {@code 'now'} reads the system clock, as in Cassandra. */
  TIMESTAMP("TimestampType", new TimestampCodec(Clock.systemUTC())),
  TIMEUUID("TimeUUIDType", new TimeuuidCodec()),
  TINYINT("ByteType", new TinyintCodec()),
  UUID("UUIDType", new UuidCodec()),
  VARINT("IntegerType", new VarintCodec());

  private final String marshalName;
  private final NativeCodec codec;

  NativeType(String marshalName, NativeCodec codec) {
    this.marshalName = marshalName;
    this.codec = codec;
  }

  /**
   * The simple name of Cassandra's internal type class ({@code Int32Type} for {@code int}), in the
   * package {@code org.apache.cassandra.db.marshal}: some of Cassandra's messages and resource names
   * quote it.
   */
  public String marshalName() {
    return marshalName;
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
