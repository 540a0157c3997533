package org.apache.cassandra.cql3.functions.types;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.google.common.reflect.TypeToken;
import org.apache.cassandra.cql3.functions.types.exceptions.InvalidTypeException;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * The components of a tuple or user type value, read and written by position. As in Cassandra 5.0,
 * each component holds its serialized bytes: setters encode through the codec of the component's
 * CQL type and getters decode through it, so bytes set unchecked ({@code setBytesUnsafe}, a setter
 * taking another codec of the same kind) fail only when they are read, printed or compared. A
 * getter or setter for another Java type throws {@code CodecNotFoundException}, as Cassandra's
 * codec lookups do.
 */
public abstract class AbstractData<T extends SettableByIndexData<T>> implements GettableByIndexData, SettableByIndexData<T> {

  final List<DataType> types;
  final ByteBuffer[] values;

  AbstractData(List<DataType> types) {
    this.types = types;
    this.values = new ByteBuffer[types.size()];
  }

  /** This value, typed as its subclass. */
  abstract T wrapped();

  /** The registry of this value's type, for the getters and setters taking a type token. */
  protected abstract CodecRegistry getCodecRegistry();

  /** How messages name component {@code i}: {@code component i}, or a user type's field name. */
  protected abstract String getName(int i);

  /** Throws Cassandra's "Value x is of type t, not n" unless component {@code i}'s kind is {@code name}'s. */
  void checkType(int i, DataType.Name name) {
    DataType defined = type(i);
    if (name != defined.getName() && !name.isCompatibleWith(defined.getName())) {
      throw new InvalidTypeException(String.format("Value %s is of type %s, not %s", getName(i), defined, name));
    }
  }

  /** The type of component {@code i}; an {@code ArrayIndexOutOfBoundsException} when there is none, as Cassandra's. */
  DataType type(int i) {
    if (i < 0 || i >= values.length) {
      throw new ArrayIndexOutOfBoundsException("Index " + i + " out of bounds for length " + values.length);
    }
    return types.get(i);
  }

  /** The codec of component {@code i}'s CQL type. */
  private TypeCodec<Object> codec(int i) {
    return getCodecRegistry().codecFor(type(i));
  }

  /** Component {@code i} decoded by its type's codec (bytes of another type fail here, with the codec's message). */
  private Object decode(int i) {
    return codec(i).deserialize(values[i], ProtocolVersion.CURRENT);
  }

  /** Sets component {@code i} to {@code v} encoded by its type's codec. */
  private T encode(int i, Object v) {
    values[i] = codec(i).serialize(v, ProtocolVersion.CURRENT);
    return wrapped();
  }

  /** The component at {@code i} read as {@code c}, after checking its CQL type maps to {@code c}. */
  private Object read(int i, Class<?> c) {
    JavaTypes.check(type(i), c);
    return decode(i);
  }

  private T write(int i, Object v, Class<?> c) {
    JavaTypes.check(type(i), c);
    return encode(i, v);
  }

  @Override public boolean isNull(int i) { type(i); return values[i] == null; }

  /** The component's serialized bytes (null for null), as they were set. */
  @Override public ByteBuffer getBytesUnsafe(int i) {
    type(i);
    return values[i] == null ? null : values[i].duplicate();
  }

  /** Sets the component's serialized bytes (null: null), unchecked, as Cassandra does. */
  @Override public T setBytesUnsafe(int i, ByteBuffer v) {
    type(i);
    values[i] = v == null ? null : v.duplicate();
    return wrapped();
  }
  @Override public boolean getBool(int i) { Object v = read(i, Boolean.class); return v != null && (Boolean) v; }
  @Override public byte getByte(int i) { Object v = read(i, Byte.class); return v == null ? 0 : (Byte) v; }
  @Override public short getShort(int i) { Object v = read(i, Short.class); return v == null ? 0 : (Short) v; }
  @Override public int getInt(int i) { Object v = read(i, Integer.class); return v == null ? 0 : (Integer) v; }
  @Override public long getLong(int i) { Object v = read(i, Long.class); return v == null ? 0L : (Long) v; }
  @Override public Date getTimestamp(int i) { return (Date) read(i, Date.class); }
  @Override public LocalDate getDate(int i) { return (LocalDate) read(i, LocalDate.class); }
  @Override public long getTime(int i) { Object v = read(i, Long.class); return v == null ? 0L : (Long) v; }
  @Override public float getFloat(int i) { Object v = read(i, Float.class); return v == null ? 0f : (Float) v; }
  @Override public double getDouble(int i) { Object v = read(i, Double.class); return v == null ? 0d : (Double) v; }
  @Override public ByteBuffer getBytes(int i) { return (ByteBuffer) read(i, ByteBuffer.class); }
  @Override public String getString(int i) { return (String) read(i, String.class); }
  @Override public BigInteger getVarint(int i) { return (BigInteger) read(i, BigInteger.class); }
  @Override public BigDecimal getDecimal(int i) { return (BigDecimal) read(i, BigDecimal.class); }
  @Override public UUID getUUID(int i) { return (UUID) read(i, UUID.class); }
  @Override public InetAddress getInet(int i) { return (InetAddress) read(i, InetAddress.class); }

  @Override
  @SuppressWarnings("unchecked")
  public <E> List<E> getList(int i, Class<E> elementsClass) {
    JavaTypes.checkCollection(type(i), DataType.Name.LIST, elementsClass);
    return (List<E>) decode(i);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E> List<E> getVector(int i, Class<E> elementsClass) {
    DataType t = type(i);
    if (!(t instanceof VectorType) || !JavaTypes.javaType(((VectorType) t).getSubtype()).equals(elementsClass)) {
      throw JavaTypes.notFound(t, "java.util.List<" + elementsClass.getName() + ">");
    }
    return (List<E>) decode(i);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <E> Set<E> getSet(int i, Class<E> elementsClass) {
    JavaTypes.checkCollection(type(i), DataType.Name.SET, elementsClass);
    return (Set<E>) decode(i);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <K, V> Map<K, V> getMap(int i, Class<K> keysClass, Class<V> valuesClass) {
    JavaTypes.checkCollection(type(i), DataType.Name.MAP, keysClass, valuesClass);
    return (Map<K, V>) decode(i);
  }

  @Override public UDTValue getUDTValue(int i) { return (UDTValue) read(i, UDTValue.class); }
  @Override public TupleValue getTupleValue(int i) { return (TupleValue) read(i, TupleValue.class); }
  @Override public Object getObject(int i) { return decode(i); }

  /** Component {@code i} read through {@code codec} from its bytes (only its kind of CQL type is checked, as in Cassandra). */
  @Override
  public <V> V get(int i, TypeCodec<V> codec) {
    checkType(i, codec.getCqlType().getName());
    return codec.deserialize(values[i], ProtocolVersion.CURRENT);
  }

  @Override
  public <V> V get(int i, TypeToken<V> targetType) {
    return get(i, getCodecRegistry().codecFor(type(i), targetType));
  }

  @Override
  public <E> List<E> getList(int i, TypeToken<E> elementsType) {
    return get(i, TypeTokens.listOf(elementsType));
  }

  @Override
  public <E> List<E> getVector(int i, TypeToken<E> elementsType) {
    return get(i, TypeTokens.vectorOf(elementsType));
  }

  @Override
  public <E> Set<E> getSet(int i, TypeToken<E> elementsType) {
    return get(i, TypeTokens.setOf(elementsType));
  }

  @Override
  public <K, V> Map<K, V> getMap(int i, TypeToken<K> keysType, TypeToken<V> valuesType) {
    return get(i, TypeTokens.mapOf(keysType, valuesType));
  }

  /**
   * Sets component {@code i} to {@code codec}'s bytes, unchecked: only the kind of CQL type is
   * checked, as in Cassandra, so a {@code list<text>} codec's bytes stay in a {@code list<int>}
   * component until they are read.
   */
  @Override
  public <V> T set(int i, V v, TypeCodec<V> codec) {
    checkType(i, codec.getCqlType().getName());
    values[i] = codec.serialize(v, ProtocolVersion.CURRENT);
    return wrapped();
  }

  @Override
  public <V> T set(int i, V v, TypeToken<V> targetType) {
    return set(i, v, getCodecRegistry().codecFor(type(i), targetType));
  }

  @Override public <E> T setList(int i, List<E> v, Class<E> c) { return setList(i, v, TypeToken.of(c)); }
  @Override public <E> T setList(int i, List<E> v, TypeToken<E> t) { return set(i, v, TypeTokens.listOf(t)); }
  @Override public <E> T setSet(int i, Set<E> v, Class<E> c) { return setSet(i, v, TypeToken.of(c)); }
  @Override public <E> T setSet(int i, Set<E> v, TypeToken<E> t) { return set(i, v, TypeTokens.setOf(t)); }
  @Override public <K, V> T setMap(int i, Map<K, V> v, Class<K> k, Class<V> c) {
    return setMap(i, v, TypeToken.of(k), TypeToken.of(c));
  }
  @Override public <K, V> T setMap(int i, Map<K, V> v, TypeToken<K> k, TypeToken<V> t) {
    return set(i, v, TypeTokens.mapOf(k, t));
  }

  @Override
  public <V> V get(int i, Class<V> targetClass) {
    return targetClass.cast(read(i, targetClass));
  }

  @Override public T setBool(int i, boolean v) { return write(i, v, Boolean.class); }
  @Override public T setByte(int i, byte v) { return write(i, v, Byte.class); }
  @Override public T setShort(int i, short v) { return write(i, v, Short.class); }
  @Override public T setInt(int i, int v) { return write(i, v, Integer.class); }
  @Override public T setLong(int i, long v) { return write(i, v, Long.class); }
  @Override public T setTimestamp(int i, Date v) { return write(i, v, Date.class); }
  @Override public T setDate(int i, LocalDate v) { return write(i, v, LocalDate.class); }
  @Override public T setTime(int i, long v) { return write(i, v, Long.class); }
  @Override public T setFloat(int i, float v) { return write(i, v, Float.class); }
  @Override public T setDouble(int i, double v) { return write(i, v, Double.class); }
  @Override public T setString(int i, String v) { return write(i, v, String.class); }
  @Override public T setBytes(int i, ByteBuffer v) { return write(i, v, ByteBuffer.class); }
  @Override public T setVarint(int i, BigInteger v) { return write(i, v, BigInteger.class); }
  @Override public T setDecimal(int i, BigDecimal v) { return write(i, v, BigDecimal.class); }
  @Override public T setUUID(int i, UUID v) { return write(i, v, UUID.class); }
  @Override public T setInet(int i, InetAddress v) { return write(i, v, InetAddress.class); }
  // As in Cassandra, collections are encoded by the component type's codec without a lookup by class.
  @Override public <E> T setList(int i, List<E> v) { return encode(i, v); }
  @Override public <E> T setVector(int i, List<E> v) { return encode(i, v); }
  @Override public <E> T setSet(int i, Set<E> v) { return encode(i, v); }
  @Override public <K, V> T setMap(int i, Map<K, V> v) { return encode(i, v); }
  @Override public T setUDTValue(int i, UDTValue v) { return write(i, v, UDTValue.class); }
  @Override public T setTupleValue(int i, TupleValue v) { return write(i, v, TupleValue.class); }
  @Override public T setToNull(int i) { type(i); values[i] = null; return wrapped(); }
  @Override public <V> T set(int i, V v, Class<V> targetClass) { return write(i, v, targetClass); }

  /** {@code open c1,c2 close}, with field names for user types. */
  String format(char open, char close, List<String> names) {
    StringBuilder sb = new StringBuilder().append(open);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      if (names != null) {
        sb.append(names.get(i)).append(':');
      }
      sb.append(JavaTypes.format(types.get(i), decode(i)));
    }
    return sb.append(close).toString();
  }

  @Override
  public boolean equals(Object o) {
    if (o == null || o.getClass() != getClass()) {
      return false;
    }
    // as Cassandra's: the same types and the same decoded components
    AbstractData<?> d = (AbstractData<?>) o;
    return d.types.equals(types) && java.util.Arrays.equals(d.decoded(), decoded());
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(decoded());
  }

  private Object[] decoded() {
    Object[] out = new Object[values.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = decode(i);
    }
    return out;
  }
}
