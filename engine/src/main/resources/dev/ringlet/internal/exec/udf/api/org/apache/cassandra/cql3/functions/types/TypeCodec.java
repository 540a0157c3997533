package org.apache.cassandra.cql3.functions.types;

import com.google.common.reflect.RingletTypes;
import com.google.common.reflect.TypeToken;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * Converts values of one CQL type between their Java form, their serialized bytes and their CQL
 * literal, as Cassandra 5.0's class of this name (derived from the Java driver 3) does: the same
 * codecs ({@code IntCodec}, {@code VarcharCodec}, {@code ListCodec}...), names, bytes, literal
 * forms and messages. Ringlet's own implementation.
 *
 * <p>One file for all the built-in codecs because bodies name them as nested classes of this one
 * ({@code TypeCodec.PrimitiveIntCodec}), as in Cassandra.
 */
public abstract class TypeCodec<T> {

  final DataType cqlType;
  final TypeToken<T> javaType;

  protected TypeCodec(DataType cqlType, Class<T> javaClass) {
    this(cqlType, TypeToken.of(javaClass));
  }

  protected TypeCodec(DataType cqlType, TypeToken<T> javaType) {
    if (cqlType == null || javaType == null) {
      throw new NullPointerException();
    }
    this.cqlType = cqlType;
    this.javaType = javaType;
  }

  public static PrimitiveBooleanCodec cboolean() { return BooleanCodec.INSTANCE; }
  public static PrimitiveByteCodec tinyInt() { return TinyIntCodec.INSTANCE; }
  public static PrimitiveShortCodec smallInt() { return SmallIntCodec.INSTANCE; }
  public static PrimitiveIntCodec cint() { return IntCodec.INSTANCE; }
  public static PrimitiveLongCodec bigint() { return BigintCodec.INSTANCE; }
  public static PrimitiveLongCodec counter() { return CounterCodec.INSTANCE; }
  public static PrimitiveFloatCodec cfloat() { return FloatCodec.INSTANCE; }
  public static PrimitiveDoubleCodec cdouble() { return DoubleCodec.INSTANCE; }
  public static TypeCodec<BigInteger> varint() { return VarintCodec.INSTANCE; }
  public static TypeCodec<BigDecimal> decimal() { return DecimalCodec.INSTANCE; }
  public static TypeCodec<String> ascii() { return AsciiCodec.INSTANCE; }
  public static TypeCodec<String> varchar() { return VarcharCodec.INSTANCE; }
  public static TypeCodec<ByteBuffer> blob() { return BlobCodec.INSTANCE; }
  public static TypeCodec<LocalDate> date() { return DateCodec.INSTANCE; }
  public static PrimitiveLongCodec time() { return TimeCodec.INSTANCE; }
  public static TypeCodec<Date> timestamp() { return TimestampCodec.INSTANCE; }
  public static TypeCodec<UUID> uuid() { return UUIDCodec.INSTANCE; }
  public static TypeCodec<UUID> timeUUID() { return TimeUUIDCodec.INSTANCE; }
  public static TypeCodec<InetAddress> inet() { return InetCodec.INSTANCE; }
  public static TypeCodec<Duration> duration() { return DurationCodec.INSTANCE; }

  public static <T> TypeCodec<List<T>> list(TypeCodec<T> elementCodec) {
    return new ListCodec<T>(elementCodec);
  }

  public static <T> TypeCodec<Set<T>> set(TypeCodec<T> elementCodec) {
    return new SetCodec<T>(elementCodec);
  }

  public static <K, V> TypeCodec<Map<K, V>> map(TypeCodec<K> keyCodec, TypeCodec<V> valueCodec) {
    return new MapCodec<K, V>(keyCodec, valueCodec);
  }

  public static <E> TypeCodec<List<E>> vector(VectorType type, TypeCodec<E> elementCodec) {
    return VectorCodec.of(type, elementCodec);
  }

  public static TypeCodec<UDTValue> userType(UserType type) {
    return new UDTCodec(type);
  }

  public static TypeCodec<TupleValue> tuple(TupleType type) {
    return new TupleCodec(type);
  }

  public static TypeCodec<ByteBuffer> custom(DataType.CustomType type) {
    return new CustomCodec(type);
  }

  public TypeToken<T> getJavaType() {
    return javaType;
  }

  public DataType getCqlType() {
    return cqlType;
  }

  /** The length of every serialized value when it is fixed, else -1. */
  public int serializedSize() {
    return -1;
  }

  public final boolean isSerializedSizeFixed() {
    return serializedSize() != -1;
  }

  public abstract ByteBuffer serialize(T value, ProtocolVersion protocolVersion) throws InvalidTypeException;

  public abstract T deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) throws InvalidTypeException;

  public abstract T parse(String value) throws InvalidTypeException;

  public abstract String format(T value) throws InvalidTypeException;

  /** Whether this codec's Java type is {@code javaType} (primitive types as their wrappers). */
  public boolean accepts(TypeToken<?> javaType) {
    if (javaType == null) {
      throw new NullPointerException("Parameter javaType cannot be null");
    }
    return this.javaType.equals(javaType.wrap());
  }

  public boolean accepts(Class<?> javaType) {
    if (javaType == null) {
      throw new NullPointerException("Parameter javaType cannot be null");
    }
    return accepts(TypeToken.of(javaType));
  }

  public boolean accepts(DataType cqlType) {
    if (cqlType == null) {
      throw new NullPointerException("Parameter cqlType cannot be null");
    }
    return this.cqlType.equals(cqlType);
  }

  /** Whether {@code value} is a value of this codec's Java type. */
  public boolean accepts(Object value) {
    if (value == null) {
      throw new NullPointerException("Parameter value cannot be null");
    }
    return javaType.isSupertypeOf(TypeToken.of(value.getClass()));
  }

  @Override
  public String toString() {
    return String.format("%s [%s <-> %s]", getClass().getSimpleName(), cqlType, javaType);
  }

  static boolean isNullLiteral(String value) {
    return value == null || value.isEmpty() || value.equalsIgnoreCase("NULL");
  }

  static boolean isEmpty(ByteBuffer bytes) {
    return bytes == null || bytes.remaining() == 0;
  }

  static InvalidTypeException cannotParse(String what, String value) {
    return new InvalidTypeException(String.format("Cannot parse %s value from \"%s\"", what, value));
  }

  static ByteBuffer fixed(ByteBuffer bytes, int size, String what, String unit) {
    if (bytes.remaining() != size) {
      throw new InvalidTypeException(String.format("Invalid %s value, expecting %d %s but got %d", what, size, unit,
          bytes.remaining()));
    }
    return bytes;
  }

  // ---- primitives -----------------------------------------------------------------------------

  /** A boolean codec that can work without boxing. */
  public abstract static class PrimitiveBooleanCodec extends TypeCodec<Boolean> {
    PrimitiveBooleanCodec(DataType cqlType) {
      super(cqlType, Boolean.class);
    }

    public abstract ByteBuffer serializeNoBoxing(boolean v, ProtocolVersion protocolVersion);

    public abstract boolean deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Boolean value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Boolean deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  /** A tinyint codec that can work without boxing. */
  public abstract static class PrimitiveByteCodec extends TypeCodec<Byte> {
    PrimitiveByteCodec(DataType cqlType) {
      super(cqlType, Byte.class);
    }

    public abstract ByteBuffer serializeNoBoxing(byte v, ProtocolVersion protocolVersion);

    public abstract byte deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Byte value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Byte deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  /** A smallint codec that can work without boxing. */
  public abstract static class PrimitiveShortCodec extends TypeCodec<Short> {
    PrimitiveShortCodec(DataType cqlType) {
      super(cqlType, Short.class);
    }

    public abstract ByteBuffer serializeNoBoxing(short v, ProtocolVersion protocolVersion);

    public abstract short deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Short value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Short deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  /** An int codec that can work without boxing. */
  public abstract static class PrimitiveIntCodec extends TypeCodec<Integer> {
    PrimitiveIntCodec(DataType cqlType) {
      super(cqlType, Integer.class);
    }

    public abstract ByteBuffer serializeNoBoxing(int v, ProtocolVersion protocolVersion);

    public abstract int deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Integer value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Integer deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  /** A bigint, counter or time codec that can work without boxing. */
  public abstract static class PrimitiveLongCodec extends TypeCodec<Long> {
    PrimitiveLongCodec(DataType cqlType) {
      super(cqlType, Long.class);
    }

    public abstract ByteBuffer serializeNoBoxing(long v, ProtocolVersion protocolVersion);

    public abstract long deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Long value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Long deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  /** A float codec that can work without boxing. */
  public abstract static class PrimitiveFloatCodec extends TypeCodec<Float> {
    PrimitiveFloatCodec(DataType cqlType) {
      super(cqlType, Float.class);
    }

    public abstract ByteBuffer serializeNoBoxing(float v, ProtocolVersion protocolVersion);

    public abstract float deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Float value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Float deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  /** A double codec that can work without boxing. */
  public abstract static class PrimitiveDoubleCodec extends TypeCodec<Double> {
    PrimitiveDoubleCodec(DataType cqlType) {
      super(cqlType, Double.class);
    }

    public abstract ByteBuffer serializeNoBoxing(double v, ProtocolVersion protocolVersion);

    public abstract double deserializeNoBoxing(ByteBuffer v, ProtocolVersion protocolVersion);

    @Override
    public ByteBuffer serialize(Double value, ProtocolVersion protocolVersion) {
      return value == null ? null : serializeNoBoxing(value, protocolVersion);
    }

    @Override
    public Double deserialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return isEmpty(value) ? null : deserializeNoBoxing(value, protocolVersion);
    }
  }

  static final class BooleanCodec extends PrimitiveBooleanCodec {
    static final BooleanCodec INSTANCE = new BooleanCodec();

    private BooleanCodec() {
      super(DataType.cboolean());
    }

    @Override public int serializedSize() { return 1; }

    @Override
    public Boolean parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      if (value.equalsIgnoreCase(Boolean.FALSE.toString())) {
        return false;
      }
      if (value.equalsIgnoreCase(Boolean.TRUE.toString())) {
        return true;
      }
      throw cannotParse("boolean", value);
    }

    @Override
    public String format(Boolean value) {
      return value == null ? "NULL" : value ? "true" : "false";
    }

    @Override
    public ByteBuffer serializeNoBoxing(boolean value, ProtocolVersion protocolVersion) {
      return ByteBuffer.wrap(new byte[] {(byte) (value ? 1 : 0)});
    }

    @Override
    public boolean deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return false;
      }
      return fixed(bytes, 1, "boolean", "byte").get(bytes.position()) != 0;
    }
  }

  static final class TinyIntCodec extends PrimitiveByteCodec {
    static final TinyIntCodec INSTANCE = new TinyIntCodec();

    private TinyIntCodec() {
      super(DataType.tinyint());
    }

    @Override
    public Byte parse(String value) {
      try {
        return isNullLiteral(value) ? null : Byte.parseByte(value);
      } catch (NumberFormatException e) {
        throw cannotParse("8-bits int", value);
      }
    }

    @Override public String format(Byte value) { return value == null ? "NULL" : Byte.toString(value); }

    @Override
    public ByteBuffer serializeNoBoxing(byte value, ProtocolVersion protocolVersion) {
      return ByteBuffer.wrap(new byte[] {value});
    }

    @Override
    public byte deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? 0 : fixed(bytes, 1, "8-bits integer", "byte").get(bytes.position());
    }
  }

  static final class SmallIntCodec extends PrimitiveShortCodec {
    static final SmallIntCodec INSTANCE = new SmallIntCodec();

    private SmallIntCodec() {
      super(DataType.smallint());
    }

    @Override
    public Short parse(String value) {
      try {
        return isNullLiteral(value) ? null : Short.parseShort(value);
      } catch (NumberFormatException e) {
        throw cannotParse("16-bits int", value);
      }
    }

    @Override public String format(Short value) { return value == null ? "NULL" : Short.toString(value); }

    @Override
    public ByteBuffer serializeNoBoxing(short value, ProtocolVersion protocolVersion) {
      return ByteBuffer.allocate(2).putShort(0, value);
    }

    @Override
    public short deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? 0 : fixed(bytes, 2, "16-bits integer", "bytes").getShort(bytes.position());
    }
  }

  static final class IntCodec extends PrimitiveIntCodec {
    static final IntCodec INSTANCE = new IntCodec();

    private IntCodec() {
      super(DataType.cint());
    }

    @Override public int serializedSize() { return 4; }

    @Override
    public Integer parse(String value) {
      try {
        return isNullLiteral(value) ? null : Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw cannotParse("32-bits int", value);
      }
    }

    @Override public String format(Integer value) { return value == null ? "NULL" : Integer.toString(value); }

    @Override
    public ByteBuffer serializeNoBoxing(int value, ProtocolVersion protocolVersion) {
      return ByteBuffer.allocate(4).putInt(0, value);
    }

    @Override
    public int deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? 0 : fixed(bytes, 4, "32-bits integer", "bytes").getInt(bytes.position());
    }
  }

  /** bigint, counter and time: 8-byte longs. */
  abstract static class LongCodec extends PrimitiveLongCodec {
    LongCodec(DataType cqlType) {
      super(cqlType);
    }

    @Override public int serializedSize() { return 8; }

    @Override
    public Long parse(String value) {
      try {
        return isNullLiteral(value) ? null : Long.parseLong(value);
      } catch (NumberFormatException e) {
        throw cannotParse("64-bits long", value);
      }
    }

    @Override public String format(Long value) { return value == null ? "NULL" : Long.toString(value); }

    @Override
    public ByteBuffer serializeNoBoxing(long value, ProtocolVersion protocolVersion) {
      return ByteBuffer.allocate(8).putLong(0, value);
    }

    @Override
    public long deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? 0 : fixed(bytes, 8, "64-bits long", "bytes").getLong(bytes.position());
    }
  }

  static final class BigintCodec extends LongCodec {
    static final BigintCodec INSTANCE = new BigintCodec();

    private BigintCodec() {
      super(DataType.bigint());
    }
  }

  static final class CounterCodec extends LongCodec {
    static final CounterCodec INSTANCE = new CounterCodec();

    private CounterCodec() {
      super(DataType.counter());
    }
  }

  /** Nanoseconds since midnight; literals are quoted {@code 'hh:mm:ss[.fffffffff]'} or quoted longs. */
  static final class TimeCodec extends LongCodec {
    static final TimeCodec INSTANCE = new TimeCodec();

    private TimeCodec() {
      super(DataType.time());
    }

    /** Time values are 8 bytes, yet Cassandra's codec does not declare a fixed size (vectors of times are variable). */
    @Override public int serializedSize() { return -1; }

    @Override
    public Long parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      if (!ParseUtils.isQuoted(value)) {
        throw new InvalidTypeException("time values must be enclosed by single quotes");
      }
      value = value.substring(1, value.length() - 1);
      if (ParseUtils.isLongLiteral(value)) {
        try {
          return Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw cannotParse("time", value);
        }
      }
      try {
        return ParseUtils.parseTime(value);
      } catch (ParseException e) {
        throw cannotParse("time", value);
      }
    }

    @Override
    public String format(Long value) {
      return value == null ? "NULL" : ParseUtils.quote(ParseUtils.formatTime(value));
    }
  }

  static final class FloatCodec extends PrimitiveFloatCodec {
    static final FloatCodec INSTANCE = new FloatCodec();

    private FloatCodec() {
      super(DataType.cfloat());
    }

    @Override public int serializedSize() { return 4; }

    @Override
    public Float parse(String value) {
      try {
        return isNullLiteral(value) ? null : Float.parseFloat(value);
      } catch (NumberFormatException e) {
        throw cannotParse("32-bits float", value);
      }
    }

    @Override public String format(Float value) { return value == null ? "NULL" : Float.toString(value); }

    @Override
    public ByteBuffer serializeNoBoxing(float value, ProtocolVersion protocolVersion) {
      return ByteBuffer.allocate(4).putFloat(0, value);
    }

    @Override
    public float deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? 0 : fixed(bytes, 4, "32-bits float", "bytes").getFloat(bytes.position());
    }
  }

  static final class DoubleCodec extends PrimitiveDoubleCodec {
    static final DoubleCodec INSTANCE = new DoubleCodec();

    private DoubleCodec() {
      super(DataType.cdouble());
    }

    @Override public int serializedSize() { return 8; }

    @Override
    public Double parse(String value) {
      try {
        return isNullLiteral(value) ? null : Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw cannotParse("64-bits double", value);
      }
    }

    @Override public String format(Double value) { return value == null ? "NULL" : Double.toString(value); }

    @Override
    public ByteBuffer serializeNoBoxing(double value, ProtocolVersion protocolVersion) {
      return ByteBuffer.allocate(8).putDouble(0, value);
    }

    @Override
    public double deserializeNoBoxing(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? 0 : fixed(bytes, 8, "64-bits double", "bytes").getDouble(bytes.position());
    }
  }

  // ---- other natives ----------------------------------------------------------------------------

  static final class VarintCodec extends TypeCodec<BigInteger> {
    static final VarintCodec INSTANCE = new VarintCodec();

    private VarintCodec() {
      super(DataType.varint(), BigInteger.class);
    }

    @Override
    public BigInteger parse(String value) {
      try {
        return isNullLiteral(value) ? null : new BigInteger(value);
      } catch (NumberFormatException e) {
        throw cannotParse("varint", value);
      }
    }

    @Override public String format(BigInteger value) { return value == null ? "NULL" : value.toString(); }

    @Override
    public ByteBuffer serialize(BigInteger value, ProtocolVersion protocolVersion) {
      return value == null ? null : ByteBuffer.wrap(value.toByteArray());
    }

    @Override
    public BigInteger deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? null : new BigInteger(CodecUtils.array(bytes));
    }
  }

  static final class DecimalCodec extends TypeCodec<BigDecimal> {
    static final DecimalCodec INSTANCE = new DecimalCodec();

    private DecimalCodec() {
      super(DataType.decimal(), BigDecimal.class);
    }

    @Override
    public BigDecimal parse(String value) {
      try {
        return isNullLiteral(value) ? null : new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw cannotParse("decimal", value);
      }
    }

    @Override public String format(BigDecimal value) { return value == null ? "NULL" : value.toString(); }

    @Override
    public ByteBuffer serialize(BigDecimal value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      byte[] unscaled = value.unscaledValue().toByteArray();
      ByteBuffer bytes = ByteBuffer.allocate(4 + unscaled.length);
      bytes.putInt(value.scale()).put(unscaled).rewind();
      return bytes;
    }

    @Override
    public BigDecimal deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return null;
      }
      if (bytes.remaining() < 4) {
        throw new InvalidTypeException("Invalid decimal value, expecting at least 4 bytes but got " + bytes.remaining());
      }
      ByteBuffer b = bytes.duplicate();
      int scale = b.getInt();
      return new BigDecimal(new BigInteger(CodecUtils.array(b)), scale);
    }
  }

  /** text and ascii: quoted literals, single quotes doubled; empty bytes are the empty string. */
  abstract static class StringCodec extends TypeCodec<String> {
    private final Charset charset;

    StringCodec(DataType cqlType, Charset charset) {
      super(cqlType, String.class);
      this.charset = charset;
    }

    @Override
    public String parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      if (!ParseUtils.isQuoted(value)) {
        throw new InvalidTypeException("text or varchar values must be enclosed by single quotes");
      }
      return ParseUtils.unquote(value);
    }

    @Override
    public String format(String value) {
      return value == null ? "NULL" : ParseUtils.quote(value);
    }

    @Override
    public ByteBuffer serialize(String value, ProtocolVersion protocolVersion) {
      return value == null ? null : ByteBuffer.wrap(value.getBytes(charset));
    }

    @Override
    public String deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (bytes == null) {
        return null;
      }
      return bytes.remaining() == 0 ? "" : new String(CodecUtils.array(bytes), charset);
    }
  }

  static final class VarcharCodec extends StringCodec {
    static final VarcharCodec INSTANCE = new VarcharCodec();

    private VarcharCodec() {
      super(DataType.varchar(), StandardCharsets.UTF_8);
    }
  }

  static final class AsciiCodec extends StringCodec {
    static final AsciiCodec INSTANCE = new AsciiCodec();

    private AsciiCodec() {
      super(DataType.ascii(), StandardCharsets.US_ASCII);
    }
  }

  /** blob and custom types: {@code 0x...} literals; values are buffers of their own. */
  abstract static class AbstractBlobCodec extends TypeCodec<ByteBuffer> {
    AbstractBlobCodec(DataType cqlType) {
      super(cqlType, ByteBuffer.class);
    }

    @Override
    public ByteBuffer parse(String value) {
      return isNullLiteral(value) ? null : org.apache.cassandra.cql3.functions.types.utils.Bytes.fromHexString(value);
    }

    @Override
    public String format(ByteBuffer value) {
      return value == null ? "NULL" : org.apache.cassandra.cql3.functions.types.utils.Bytes.toHexString(value);
    }

    @Override
    public ByteBuffer serialize(ByteBuffer value, ProtocolVersion protocolVersion) {
      return value == null ? null : value.duplicate();
    }

    @Override
    public ByteBuffer deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return bytes == null ? null : bytes.duplicate();
    }
  }

  static final class BlobCodec extends AbstractBlobCodec {
    static final BlobCodec INSTANCE = new BlobCodec();

    private BlobCodec() {
      super(DataType.blob());
    }
  }

  static final class CustomCodec extends AbstractBlobCodec {
    CustomCodec(DataType.CustomType type) {
      super(type);
    }
  }

  /** Quoted or unquoted {@code yyyy-MM-dd}, or days since the epoch plus 2^31 as a number. */
  static final class DateCodec extends TypeCodec<LocalDate> {
    static final DateCodec INSTANCE = new DateCodec();

    private DateCodec() {
      super(DataType.date(), LocalDate.class);
    }

    @Override
    public LocalDate parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      if (ParseUtils.isQuoted(value)) {
        value = ParseUtils.unquote(value);
      }
      if (ParseUtils.isLongLiteral(value)) {
        long raw;
        try {
          raw = Long.parseLong(value);
        } catch (NumberFormatException e) {
          throw cannotParse("date", value);
        }
        if (raw < 0 || raw > 0xFFFFFFFFL) {
          throw new IllegalArgumentException(String.format(
              "Numeric literals for DATE must be between 0 and %d (got %d)", 0xFFFFFFFFL, raw));
        }
        return LocalDate.fromDaysSinceEpoch((int) (raw - (1L << 31)));
      }
      try {
        return LocalDate.fromMillisSinceEpoch(ParseUtils.parseDate(value, "yyyy-MM-dd").getTime());
      } catch (ParseException e) {
        throw cannotParse("date", value);
      }
    }

    @Override
    public String format(LocalDate value) {
      return value == null ? "NULL" : ParseUtils.quote(value.toString());
    }

    @Override
    public ByteBuffer serialize(LocalDate value, ProtocolVersion protocolVersion) {
      return value == null ? null : IntCodec.INSTANCE.serializeNoBoxing(value.getDaysSinceEpoch() + Integer.MIN_VALUE,
          protocolVersion);
    }

    @Override
    public LocalDate deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return null;
      }
      return LocalDate.fromDaysSinceEpoch(IntCodec.INSTANCE.deserializeNoBoxing(bytes, protocolVersion) - Integer.MIN_VALUE);
    }
  }

  /** Milliseconds since the epoch: formatted as that number, parsed from it or from a quoted date and time. */
  static final class TimestampCodec extends TypeCodec<Date> {
    static final TimestampCodec INSTANCE = new TimestampCodec();

    private TimestampCodec() {
      super(DataType.timestamp(), Date.class);
    }

    @Override public int serializedSize() { return 8; }

    @Override
    public Date parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      if (ParseUtils.isLongLiteral(value)) {
        try {
          return new Date(Long.parseLong(value));
        } catch (NumberFormatException e) {
          throw cannotParse("timestamp", value);
        }
      }
      if (!ParseUtils.isQuoted(value)) {
        throw cannotParse("timestamp", value);
      }
      value = ParseUtils.unquote(value);
      try {
        return ParseUtils.parseDate(value);
      } catch (ParseException e) {
        throw cannotParse("timestamp", value);
      }
    }

    @Override
    public String format(Date value) {
      return value == null ? "NULL" : Long.toString(value.getTime());
    }

    @Override
    public ByteBuffer serialize(Date value, ProtocolVersion protocolVersion) {
      return value == null ? null : BigintCodec.INSTANCE.serializeNoBoxing(value.getTime(), protocolVersion);
    }

    @Override
    public Date deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? null : new Date(BigintCodec.INSTANCE.deserializeNoBoxing(bytes, protocolVersion));
    }
  }

  /** uuid and timeuuid: 16 bytes, unquoted literals. */
  abstract static class AbstractUUIDCodec extends TypeCodec<UUID> {
    AbstractUUIDCodec(DataType cqlType) {
      super(cqlType, UUID.class);
    }

    @Override public int serializedSize() { return 16; }

    @Override
    public UUID parse(String value) {
      try {
        return isNullLiteral(value) ? null : UUID.fromString(value);
      } catch (IllegalArgumentException e) {
        throw cannotParse("UUID", value);
      }
    }

    @Override public String format(UUID value) { return value == null ? "NULL" : value.toString(); }

    @Override
    public ByteBuffer serialize(UUID value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      return ByteBuffer.allocate(16).putLong(0, value.getMostSignificantBits()).putLong(8, value.getLeastSignificantBits());
    }

    @Override
    public UUID deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? null : new UUID(bytes.getLong(bytes.position()), bytes.getLong(bytes.position() + 8));
    }
  }

  static final class UUIDCodec extends AbstractUUIDCodec {
    static final UUIDCodec INSTANCE = new UUIDCodec();

    private UUIDCodec() {
      super(DataType.uuid());
    }
  }

  /** A uuid codec that accepts version 1 (time-based) UUIDs only. */
  static final class TimeUUIDCodec extends AbstractUUIDCodec {
    static final TimeUUIDCodec INSTANCE = new TimeUUIDCodec();

    private TimeUUIDCodec() {
      super(DataType.timeuuid());
    }

    private static UUID check(UUID value) {
      if (value != null && value.version() != 1) {
        throw new InvalidTypeException(String.format("%s is not a Type 1 (time-based) UUID", value));
      }
      return value;
    }

    @Override public UUID parse(String value) { return check(super.parse(value)); }
    @Override public String format(UUID value) { return super.format(check(value)); }
    @Override public ByteBuffer serialize(UUID value, ProtocolVersion pv) { return super.serialize(check(value), pv); }
  }

  /**
   * Quoted address literals. Unlike Cassandra's (which resolves host names), only IPv4 and IPv6
   * literals are taken, so that a body never starts a name lookup.
   */
  static final class InetCodec extends TypeCodec<InetAddress> {
    static final InetCodec INSTANCE = new InetCodec();

    private InetCodec() {
      super(DataType.inet(), InetAddress.class);
    }

    @Override
    public InetAddress parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      value = value.trim();
      if (!ParseUtils.isQuoted(value)) {
        throw new InvalidTypeException(String.format("inet values must be enclosed in single quotes (\"%s\")", value));
      }
      // 5.0 calls InetAddress.getByName, under a security manager that refuses every name lookup in
      // a function: what it accepts is what the JDK reads without one (its address literals, the
      // empty name as the loopback address), host names fail. Ringlet reads the same literals itself.
      String host = value.substring(1, value.length() - 1);
      if (host.isEmpty()) {
        return InetAddress.getLoopbackAddress();
      }
      if (host.startsWith("[")) {
        host = host.endsWith("]") && host.indexOf(':') >= 0 ? host.substring(1, host.length() - 1) : "";
      }
      byte[] address = host.indexOf(':') >= 0 ? CodecUtils.addressLiteral(host) : CodecUtils.legacyIpv4(host);
      try {
        if (address != null) {
          return InetAddress.getByAddress(address);
        }
      } catch (UnknownHostException e) {
        // not an address: as below
      }
      throw cannotParse("inet", value);
    }

    @Override
    public String format(InetAddress value) {
      return value == null ? "NULL" : "'" + value.getHostAddress() + "'";
    }

    @Override
    public ByteBuffer serialize(InetAddress value, ProtocolVersion protocolVersion) {
      return value == null ? null : ByteBuffer.wrap(value.getAddress());
    }

    @Override
    public InetAddress deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return null;
      }
      try {
        return InetAddress.getByAddress(CodecUtils.array(bytes));
      } catch (UnknownHostException e) {
        throw new InvalidTypeException("Invalid bytes for inet value, got " + bytes.remaining() + " bytes");
      }
    }
  }

  /** Durations: three zigzag-encoded vints; literals in {@code Duration.from}'s forms, unquoted. */
  static final class DurationCodec extends TypeCodec<Duration> {
    static final DurationCodec INSTANCE = new DurationCodec();

    private DurationCodec() {
      super(DataType.duration(), Duration.class);
    }

    @Override
    public Duration parse(String value) {
      return isNullLiteral(value) ? null : Duration.from(value);
    }

    @Override public String format(Duration value) { return value == null ? "NULL" : value.toString(); }

    @Override
    public ByteBuffer serialize(Duration value, ProtocolVersion protocolVersion) {
      return value == null ? null : ValueBytes.serializeDuration(value);
    }

    @Override
    public Duration deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      return isEmpty(bytes) ? null : ValueBytes.deserializeDuration(bytes);
    }
  }

  // ---- collections ----------------------------------------------------------------------------

  /** Lists and sets: an int count, then each element after its int length. */
  public abstract static class AbstractCollectionCodec<E, C extends Collection<E>> extends TypeCodec<C> {
    final TypeCodec<E> eltCodec;

    AbstractCollectionCodec(DataType.CollectionType cqlType, TypeToken<C> javaType, TypeCodec<E> eltCodec) {
      super(cqlType, javaType);
      this.eltCodec = eltCodec;
    }

    @Override
    public ByteBuffer serialize(C value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      ByteBuffer[] elements = new ByteBuffer[value.size()];
      int i = 0;
      for (E element : value) {
        if (element == null) {
          throw new NullPointerException("Collection elements cannot be null");
        }
        try {
          elements[i++] = eltCodec.serialize(element, protocolVersion);
        } catch (ClassCastException x) {
          throw new InvalidTypeException(String.format("Invalid type for %s element, expecting %s but got %s", cqlType,
              eltCodec.getJavaType(), element.getClass()), x);
        }
      }
      return CodecUtils.pack(elements, value.size(), protocolVersion);
    }

    @Override
    public C deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return newInstance(0);
      }
      try {
        ByteBuffer input = bytes.duplicate();
        int size = input.getInt();
        C coll = newInstance(size);
        for (int i = 0; i < size; i++) {
          coll.add(eltCodec.deserialize(CodecUtils.readValue(input, protocolVersion), protocolVersion));
        }
        return coll;
      } catch (BufferUnderflowException e) {
        throw new InvalidTypeException("Not enough bytes to deserialize collection", e);
      }
    }

    @Override
    public String format(C value) {
      if (value == null) {
        return "NULL";
      }
      StringBuilder sb = new StringBuilder().append(openingChar());
      int i = 0;
      for (E v : value) {
        sb.append(i++ == 0 ? "" : ",").append(eltCodec.format(v));
      }
      return sb.append(closingChar()).toString();
    }

    @Override
    public C parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      int idx = ParseUtils.skipSpaces(value, 0);
      if (ParseUtils.charAt(value, idx++) != openingChar()) {
        throw new InvalidTypeException(String.format(
            "Cannot parse collection value from \"%s\", at character %d expecting '%s' but got '%c'", value, idx,
            openingChar(), ParseUtils.charAt(value, idx)));
      }
      idx = ParseUtils.skipSpaces(value, idx);
      if (ParseUtils.charAt(value, idx) == closingChar()) {
        return newInstance(0);
      }
      C coll = newInstance(10);
      while (idx < value.length()) {
        int n;
        try {
          n = ParseUtils.skipCQLValue(value, idx);
        } catch (IllegalArgumentException e) {
          throw new InvalidTypeException(String.format(
              "Cannot parse collection value from \"%s\", invalid CQL value at character %d", value, idx), e);
        }
        coll.add(eltCodec.parse(value.substring(idx, n)));
        idx = ParseUtils.skipSpaces(value, n);
        if (ParseUtils.charAt(value, idx) == closingChar()) {
          return coll;
        }
        if (ParseUtils.charAt(value, idx++) != ',') {
          throw new InvalidTypeException(String.format(
              "Cannot parse collection value from \"%s\", at character %d expecting ',' but got '%c'", value, idx,
              ParseUtils.charAt(value, idx)));
        }
        idx = ParseUtils.skipSpaces(value, idx);
      }
      throw new InvalidTypeException(String.format("Malformed collection value \"%s\", missing closing '%s'", value,
          closingChar()));
    }

    /** A collection of this codec's class whose first element (if any) the element codec accepts. */
    @Override
    public boolean accepts(Object value) {
      if (value == null) {
        throw new NullPointerException("Parameter value cannot be null");
      }
      if (!getJavaType().getRawType().isAssignableFrom(value.getClass())) {
        return false;
      }
      Collection<?> coll = (Collection<?>) value;
      return coll.isEmpty() || coll.iterator().next() == null || eltCodec.accepts(coll.iterator().next());
    }

    protected abstract C newInstance(int size);

    private char openingChar() {
      return cqlType.getName() == DataType.Name.LIST ? '[' : '{';
    }

    private char closingChar() {
      return cqlType.getName() == DataType.Name.LIST ? ']' : '}';
    }
  }

  static final class ListCodec<T> extends AbstractCollectionCodec<T, List<T>> {
    ListCodec(TypeCodec<T> eltCodec) {
      super(DataType.list(eltCodec.getCqlType()), TypeTokens.listOf(eltCodec.getJavaType()), eltCodec);
    }

    @Override
    protected List<T> newInstance(int size) {
      return new ArrayList<T>(size);
    }
  }

  static final class SetCodec<T> extends AbstractCollectionCodec<T, Set<T>> {
    SetCodec(TypeCodec<T> eltCodec) {
      super(DataType.set(eltCodec.getCqlType()), TypeTokens.setOf(eltCodec.getJavaType()), eltCodec);
    }

    @Override
    protected Set<T> newInstance(int size) {
      return new LinkedHashSet<T>(size);
    }
  }

  /** Maps: an int count, then each key and value after its int length. */
  public abstract static class AbstractMapCodec<K, V> extends TypeCodec<Map<K, V>> {
    final TypeCodec<K> keyCodec;
    final TypeCodec<V> valueCodec;

    AbstractMapCodec(TypeCodec<K> keyCodec, TypeCodec<V> valueCodec) {
      super(DataType.map(keyCodec.getCqlType(), valueCodec.getCqlType()),
          TypeTokens.mapOf(keyCodec.getJavaType(), valueCodec.getJavaType()));
      this.keyCodec = keyCodec;
      this.valueCodec = valueCodec;
    }

    @Override
    public boolean accepts(Object value) {
      if (value == null) {
        throw new NullPointerException("Parameter value cannot be null");
      }
      if (!(value instanceof Map)) {
        return false;
      }
      Map<?, ?> map = (Map<?, ?>) value;
      if (map.isEmpty()) {
        return true;
      }
      Map.Entry<?, ?> e = map.entrySet().iterator().next();
      return (e.getKey() == null || keyCodec.accepts(e.getKey())) && (e.getValue() == null || valueCodec.accepts(e.getValue()));
    }

    @Override
    public Map<K, V> parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      int idx = ParseUtils.skipSpaces(value, 0);
      if (ParseUtils.charAt(value, idx++) != '{') {
        throw new InvalidTypeException(String.format(
            "cannot parse map value from \"%s\", at character %d expecting '{' but got '%c'", value, idx,
            ParseUtils.charAt(value, idx)));
      }
      idx = ParseUtils.skipSpaces(value, idx);
      if (ParseUtils.charAt(value, idx) == '}') {
        return newInstance(0);
      }
      Map<K, V> m = newInstance(10);
      while (idx < value.length()) {
        int n;
        try {
          n = ParseUtils.skipCQLValue(value, idx);
        } catch (IllegalArgumentException e) {
          throw new InvalidTypeException(String.format(
              "Cannot parse map value from \"%s\", invalid CQL value at character %d", value, idx), e);
        }
        K k = keyCodec.parse(value.substring(idx, n));
        idx = ParseUtils.skipSpaces(value, n);
        if (ParseUtils.charAt(value, idx++) != ':') {
          throw new InvalidTypeException(String.format(
              "Cannot parse map value from \"%s\", at character %d expecting ':' but got '%c'", value, idx,
              ParseUtils.charAt(value, idx)));
        }
        idx = ParseUtils.skipSpaces(value, idx);
        try {
          n = ParseUtils.skipCQLValue(value, idx);
        } catch (IllegalArgumentException e) {
          throw new InvalidTypeException(String.format(
              "Cannot parse map value from \"%s\", invalid CQL value at character %d", value, idx), e);
        }
        m.put(k, valueCodec.parse(value.substring(idx, n)));
        idx = ParseUtils.skipSpaces(value, n);
        if (ParseUtils.charAt(value, idx) == '}') {
          return m;
        }
        if (ParseUtils.charAt(value, idx++) != ',') {
          throw new InvalidTypeException(String.format(
              "Cannot parse map value from \"%s\", at character %d expecting ',' but got '%c'", value, idx,
              ParseUtils.charAt(value, idx)));
        }
        idx = ParseUtils.skipSpaces(value, idx);
      }
      throw new InvalidTypeException(String.format("Malformed map value \"%s\", missing closing '}'", value));
    }

    @Override
    public String format(Map<K, V> value) {
      if (value == null) {
        return "NULL";
      }
      StringBuilder sb = new StringBuilder("{");
      int i = 0;
      for (Map.Entry<K, V> e : value.entrySet()) {
        sb.append(i++ == 0 ? "" : ",").append(keyCodec.format(e.getKey())).append(':')
            .append(valueCodec.format(e.getValue()));
      }
      return sb.append('}').toString();
    }

    @Override
    public ByteBuffer serialize(Map<K, V> value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      ByteBuffer[] parts = new ByteBuffer[2 * value.size()];
      int i = 0;
      for (Map.Entry<K, V> e : value.entrySet()) {
        if (e.getKey() == null) {
          throw new NullPointerException("Map keys cannot be null");
        }
        try {
          parts[i++] = keyCodec.serialize(e.getKey(), protocolVersion);
        } catch (ClassCastException x) {
          throw new InvalidTypeException(String.format("Invalid type for map key, expecting %s but got %s",
              keyCodec.getJavaType(), e.getKey().getClass()), x);
        }
        if (e.getValue() == null) {
          throw new NullPointerException("Map values cannot be null");
        }
        try {
          parts[i++] = valueCodec.serialize(e.getValue(), protocolVersion);
        } catch (ClassCastException x) {
          throw new InvalidTypeException(String.format("Invalid type for map value, expecting %s but got %s",
              valueCodec.getJavaType(), e.getValue().getClass()), x);
        }
      }
      return CodecUtils.pack(parts, value.size(), protocolVersion);
    }

    @Override
    public Map<K, V> deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (isEmpty(bytes)) {
        return newInstance(0);
      }
      try {
        ByteBuffer input = bytes.duplicate();
        int n = input.getInt();
        Map<K, V> m = newInstance(n);
        for (int i = 0; i < n; i++) {
          K k = keyCodec.deserialize(CodecUtils.readValue(input, protocolVersion), protocolVersion);
          m.put(k, valueCodec.deserialize(CodecUtils.readValue(input, protocolVersion), protocolVersion));
        }
        return m;
      } catch (BufferUnderflowException e) {
        throw new InvalidTypeException("Not enough bytes to deserialize a map", e);
      }
    }

    protected abstract Map<K, V> newInstance(int size);
  }

  static final class MapCodec<K, V> extends AbstractMapCodec<K, V> {
    MapCodec(TypeCodec<K> keyCodec, TypeCodec<V> valueCodec) {
      super(keyCodec, valueCodec);
    }

    @Override
    protected Map<K, V> newInstance(int size) {
      return new LinkedHashMap<K, V>(size);
    }
  }

  // ---- tuples and user types ------------------------------------------------------------------

  /** Tuple values: each component after its int length (-1: null). */
  public abstract static class AbstractTupleCodec<T> extends TypeCodec<T> {
    protected final TupleType definition;

    AbstractTupleCodec(TupleType definition, Class<T> javaClass) {
      super(definition, javaClass);
      this.definition = definition;
    }

    @Override
    public boolean accepts(DataType cqlType) {
      return cqlType instanceof TupleType && definition.getComponentTypes().equals(((TupleType) cqlType).getComponentTypes());
    }

    @Override
    public ByteBuffer serialize(T value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      int length = definition.getComponentTypes().size();
      ByteBuffer[] elements = new ByteBuffer[length];
      for (int i = 0; i < length; i++) {
        elements[i] = serializeField(value, i, protocolVersion);
      }
      return CodecUtils.pack(elements, -1, protocolVersion);
    }

    @Override
    public T deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (bytes == null) {
        return null;
      }
      ByteBuffer input = bytes.duplicate();
      T value = newInstance();
      try {
        int i = 0;
        while (input.hasRemaining() && i < definition.getComponentTypes().size()) {
          value = deserializeAndSetField(CodecUtils.readValue(input, protocolVersion), value, i++, protocolVersion);
        }
      } catch (BufferUnderflowException e) {
        throw new InvalidTypeException("Not enough bytes to deserialize a tuple", e);
      }
      return value;
    }

    @Override
    public String format(T value) {
      if (value == null) {
        return "NULL";
      }
      StringBuilder sb = new StringBuilder("(");
      for (int i = 0; i < definition.getComponentTypes().size(); i++) {
        sb.append(i == 0 ? "" : ",").append(formatField(value, i));
      }
      return sb.append(')').toString();
    }

    @Override
    public T parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      T v = newInstance();
      int idx = ParseUtils.skipSpaces(value, 0);
      if (ParseUtils.charAt(value, idx++) != '(') {
        throw new InvalidTypeException(String.format(
            "Cannot parse tuple value from \"%s\", at character %d expecting '(' but got '%c'", value, idx,
            ParseUtils.charAt(value, idx)));
      }
      idx = ParseUtils.skipSpaces(value, idx);
      if (ParseUtils.charAt(value, idx) == ')') {
        return v;
      }
      int i = 0;
      while (idx < value.length()) {
        int n;
        try {
          n = ParseUtils.skipCQLValue(value, idx);
        } catch (IllegalArgumentException e) {
          throw new InvalidTypeException(String.format(
              "Cannot parse tuple value from \"%s\", invalid CQL value at field %d (character %d)", value, i, idx), e);
        }
        v = parseAndSetField(value.substring(idx, n), v, i);
        i++;
        idx = ParseUtils.skipSpaces(value, n);
        if (ParseUtils.charAt(value, idx) == ')') {
          return v;
        }
        if (ParseUtils.charAt(value, idx) != ',') {
          throw new InvalidTypeException(String.format(
              "Cannot parse tuple value from \"%s\", at field %d (character %d) expecting ',' but got '%c'", value, i,
              idx, ParseUtils.charAt(value, idx)));
        }
        idx = ParseUtils.skipSpaces(value, idx + 1);
      }
      throw new InvalidTypeException(String.format("Malformed tuple value \"%s\", missing closing ')'", value));
    }

    protected abstract T newInstance();

    protected abstract ByteBuffer serializeField(T source, int index, ProtocolVersion protocolVersion);

    protected abstract T deserializeAndSetField(ByteBuffer input, T target, int index, ProtocolVersion protocolVersion);

    protected abstract String formatField(T source, int index);

    protected abstract T parseAndSetField(String input, T target, int index);
  }

  static final class TupleCodec extends AbstractTupleCodec<TupleValue> {
    TupleCodec(TupleType definition) {
      super(definition, TupleValue.class);
    }

    @Override
    public boolean accepts(Object value) {
      if (value == null) {
        throw new NullPointerException("Parameter value cannot be null");
      }
      return value instanceof TupleValue && ((TupleValue) value).getType().equals(definition);
    }

    @Override protected TupleValue newInstance() { return definition.newValue(); }

    @Override
    protected ByteBuffer serializeField(TupleValue source, int index, ProtocolVersion protocolVersion) {
      return index < source.values.length ? source.getBytesUnsafe(index) : null;
    }

    @Override
    protected TupleValue deserializeAndSetField(ByteBuffer input, TupleValue target, int index, ProtocolVersion pv) {
      return target.setBytesUnsafe(index, input);
    }

    @Override
    protected String formatField(TupleValue source, int index) {
      DataType t = definition.getComponentTypes().get(index);
      return definition.getCodecRegistry().codecFor(t).format(source.get(index, definition.getCodecRegistry().codecFor(t)));
    }

    @Override
    protected TupleValue parseAndSetField(String input, TupleValue target, int index) {
      DataType t = definition.getComponentTypes().get(index);
      TypeCodec<Object> codec = definition.getCodecRegistry().codecFor(t);
      return target.set(index, codec.parse(input), codec);
    }
  }

  /** User type values: each field after its int length (-1: null); literals {@code {name: value, ...}}. */
  public abstract static class AbstractUDTCodec<T> extends TypeCodec<T> {
    protected final UserType definition;

    AbstractUDTCodec(UserType definition, Class<T> javaClass) {
      super(definition, javaClass);
      this.definition = definition;
    }

    @Override
    public ByteBuffer serialize(T value, ProtocolVersion protocolVersion) {
      if (value == null) {
        return null;
      }
      // as Cassandra's: each field of the definition read by name, so a value of another user type
      // gives the bytes of its fields of the same names (and fails on a name it lacks)
      ByteBuffer[] elements = new ByteBuffer[definition.size()];
      int i = 0;
      for (UserType.Field field : definition) {
        elements[i++] = serializeField(value, Metadata.quoteIfNecessary(field.getName()), protocolVersion);
      }
      return CodecUtils.pack(elements, -1, protocolVersion);
    }

    @Override
    public T deserialize(ByteBuffer bytes, ProtocolVersion protocolVersion) {
      if (bytes == null) {
        return null;
      }
      ByteBuffer input = bytes.duplicate();
      T value = newInstance();
      try {
        java.util.Iterator<UserType.Field> fields = definition.iterator();
        while (input.hasRemaining() && fields.hasNext()) {
          value = deserializeAndSetField(CodecUtils.readValue(input, protocolVersion), value,
              Metadata.quoteIfNecessary(fields.next().getName()), protocolVersion);
        }
      } catch (BufferUnderflowException e) {
        throw new InvalidTypeException("Not enough bytes to deserialize a UDT", e);
      }
      return value;
    }

    @Override
    public String format(T value) {
      if (value == null) {
        return "NULL";
      }
      StringBuilder sb = new StringBuilder("{");
      int i = 0;
      for (UserType.Field field : definition) {
        String name = Metadata.quoteIfNecessary(field.getName());
        sb.append(i++ == 0 ? "" : ",").append(name).append(':').append(formatField(value, name));
      }
      return sb.append('}').toString();
    }

    @Override
    public T parse(String value) {
      if (isNullLiteral(value)) {
        return null;
      }
      T v = newInstance();
      int idx = ParseUtils.skipSpaces(value, 0);
      if (ParseUtils.charAt(value, idx++) != '{') {
        throw new InvalidTypeException(String.format(
            "Cannot parse UDT value from \"%s\", at character %d expecting '{' but got '%c'", value, idx,
            ParseUtils.charAt(value, idx)));
      }
      idx = ParseUtils.skipSpaces(value, idx);
      if (ParseUtils.charAt(value, idx) == '}') {
        return v;
      }
      while (idx < value.length()) {
        int n;
        try {
          n = ParseUtils.skipCQLId(value, idx);
        } catch (IllegalArgumentException e) {
          throw new InvalidTypeException(String.format(
              "Cannot parse UDT value from \"%s\", cannot parse a CQL identifier at character %d", value, idx), e);
        }
        String name = Metadata.handleId(value.substring(idx, n));
        if (!definition.contains(name)) {
          throw new InvalidTypeException(String.format("Unknown field %s in value \"%s\"", name, value));
        }
        idx = ParseUtils.skipSpaces(value, n);
        if (ParseUtils.charAt(value, idx++) != ':') {
          throw new InvalidTypeException(String.format(
              "Cannot parse UDT value from \"%s\", at character %d expecting ':' but got '%c'", value, idx,
              ParseUtils.charAt(value, idx)));
        }
        idx = ParseUtils.skipSpaces(value, idx);
        try {
          n = ParseUtils.skipCQLValue(value, idx);
        } catch (IllegalArgumentException e) {
          throw new InvalidTypeException(String.format(
              "Cannot parse UDT value from \"%s\", invalid CQL value at character %d", value, idx), e);
        }
        v = parseAndSetField(value.substring(idx, n), v, name);
        idx = ParseUtils.skipSpaces(value, n);
        if (ParseUtils.charAt(value, idx) == '}') {
          return v;
        }
        if (ParseUtils.charAt(value, idx) != ',') {
          throw new InvalidTypeException(String.format(
              "Cannot parse UDT value from \"%s\", at character %d expecting ',' but got '%c'", value, idx,
              ParseUtils.charAt(value, idx)));
        }
        idx = ParseUtils.skipSpaces(value, idx + 1);
      }
      throw new InvalidTypeException(String.format("Malformed UDT value \"%s\", missing closing '}'", value));
    }

    protected abstract T newInstance();

    protected abstract ByteBuffer serializeField(T source, String fieldName, ProtocolVersion protocolVersion);

    protected abstract T deserializeAndSetField(ByteBuffer input, T target, String fieldName,
        ProtocolVersion protocolVersion);

    protected abstract String formatField(T source, String fieldName);

    protected abstract T parseAndSetField(String input, T target, String fieldName);
  }

  static final class UDTCodec extends AbstractUDTCodec<UDTValue> {
    UDTCodec(UserType definition) {
      super(definition, UDTValue.class);
    }

    @Override
    public boolean accepts(Object value) {
      if (value == null) {
        throw new NullPointerException("Parameter value cannot be null");
      }
      return value instanceof UDTValue && ((UDTValue) value).getType().equals(definition);
    }

    @Override protected UDTValue newInstance() { return definition.newValue(); }

    @Override
    protected ByteBuffer serializeField(UDTValue source, String fieldName, ProtocolVersion protocolVersion) {
      return source.getBytesUnsafe(fieldName);
    }

    @Override
    protected UDTValue deserializeAndSetField(ByteBuffer input, UDTValue target, String fieldName,
        ProtocolVersion pv) {
      return target.setBytesUnsafe(fieldName, input);
    }

    @Override
    protected String formatField(UDTValue source, String fieldName) {
      TypeCodec<Object> codec = definition.getCodecRegistry().codecFor(definition.getFieldType(fieldName));
      return codec.format(source.get(fieldName, codec));
    }

    @Override
    protected UDTValue parseAndSetField(String input, UDTValue target, String fieldName) {
      int index = definition.indexOf(fieldName);
      TypeCodec<Object> codec = definition.getCodecRegistry().codecFor(definition.getFieldType(index));
      return target.set(index, codec.parse(input), codec);
    }
  }

  /** Type tokens of element codecs, for {@link CodecRegistry}. */
  static TypeToken<?>[] typeArguments(TypeToken<?> token) {
    return RingletTypes.arguments(token);
  }

  /** Iterates a vector's first {@code n} elements, {@code NoSuchElementException} when there are fewer. */
  static <E> List<E> firstElements(List<E> value, int n) {
    Iterator<E> it = value.iterator();
    List<E> out = new ArrayList<E>(n);
    for (int i = 0; i < n; i++) {
      out.add(it.next());
    }
    return out;
  }
}
