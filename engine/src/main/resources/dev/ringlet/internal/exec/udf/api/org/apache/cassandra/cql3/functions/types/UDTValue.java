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

/** A value of a user-defined type, its fields read and written by position or by name. */
public class UDTValue extends AbstractData<UDTValue> implements GettableData, SettableData<UDTValue> {

  private final UserType type;

  UDTValue(UserType type) {
    super(type.fieldTypes());
    this.type = type;
  }

  public UserType getType() {
    return type;
  }

  @Override
  UDTValue wrapped() {
    return this;
  }

  @Override
  protected CodecRegistry getCodecRegistry() {
    return type.getCodecRegistry();
  }

  @Override
  protected String getName(int i) {
    return type.getFieldName(i);
  }

  private int idx(String name) {
    int i = type.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException(name + " is not a field defined in this UDT");
    }
    return i;
  }

  @Override public boolean isNull(String name) { return isNull(idx(name)); }
  @Override public ByteBuffer getBytesUnsafe(String name) { return getBytesUnsafe(idx(name)); }
  @Override public UDTValue setBytesUnsafe(String name, ByteBuffer v) { return setBytesUnsafe(idx(name), v); }
  @Override public boolean getBool(String name) { return getBool(idx(name)); }
  @Override public byte getByte(String name) { return getByte(idx(name)); }
  @Override public short getShort(String name) { return getShort(idx(name)); }
  @Override public int getInt(String name) { return getInt(idx(name)); }
  @Override public long getLong(String name) { return getLong(idx(name)); }
  @Override public Date getTimestamp(String name) { return getTimestamp(idx(name)); }
  @Override public LocalDate getDate(String name) { return getDate(idx(name)); }
  @Override public long getTime(String name) { return getTime(idx(name)); }
  @Override public float getFloat(String name) { return getFloat(idx(name)); }
  @Override public double getDouble(String name) { return getDouble(idx(name)); }
  @Override public ByteBuffer getBytes(String name) { return getBytes(idx(name)); }
  @Override public String getString(String name) { return getString(idx(name)); }
  @Override public BigInteger getVarint(String name) { return getVarint(idx(name)); }
  @Override public BigDecimal getDecimal(String name) { return getDecimal(idx(name)); }
  @Override public UUID getUUID(String name) { return getUUID(idx(name)); }
  @Override public InetAddress getInet(String name) { return getInet(idx(name)); }
  @Override public <T> List<T> getList(String name, Class<T> elementsClass) { return getList(idx(name), elementsClass); }
  @Override public <T> List<T> getVector(String name, Class<T> elementsClass) { return getVector(idx(name), elementsClass); }
  @Override public <T> Set<T> getSet(String name, Class<T> elementsClass) { return getSet(idx(name), elementsClass); }
  @Override public <K, V> Map<K, V> getMap(String name, Class<K> keysClass, Class<V> valuesClass) { return getMap(idx(name), keysClass, valuesClass); }
  @Override public UDTValue getUDTValue(String name) { return getUDTValue(idx(name)); }
  @Override public TupleValue getTupleValue(String name) { return getTupleValue(idx(name)); }
  @Override public Object getObject(String name) { return getObject(idx(name)); }
  @Override public <T> T get(String name, Class<T> targetClass) { return get(idx(name), targetClass); }
  @Override public UDTValue setBool(String name, boolean v) { return setBool(idx(name), v); }
  @Override public UDTValue setByte(String name, byte v) { return setByte(idx(name), v); }
  @Override public UDTValue setShort(String name, short v) { return setShort(idx(name), v); }
  @Override public UDTValue setInt(String name, int v) { return setInt(idx(name), v); }
  @Override public UDTValue setLong(String name, long v) { return setLong(idx(name), v); }
  @Override public UDTValue setTimestamp(String name, Date v) { return setTimestamp(idx(name), v); }
  @Override public UDTValue setDate(String name, LocalDate v) { return setDate(idx(name), v); }
  @Override public UDTValue setTime(String name, long v) { return setTime(idx(name), v); }
  @Override public UDTValue setFloat(String name, float v) { return setFloat(idx(name), v); }
  @Override public UDTValue setDouble(String name, double v) { return setDouble(idx(name), v); }
  @Override public UDTValue setString(String name, String v) { return setString(idx(name), v); }
  @Override public UDTValue setBytes(String name, ByteBuffer v) { return setBytes(idx(name), v); }
  @Override public UDTValue setVarint(String name, BigInteger v) { return setVarint(idx(name), v); }
  @Override public UDTValue setDecimal(String name, BigDecimal v) { return setDecimal(idx(name), v); }
  @Override public UDTValue setUUID(String name, UUID v) { return setUUID(idx(name), v); }
  @Override public UDTValue setInet(String name, InetAddress v) { return setInet(idx(name), v); }
  @Override public <E> UDTValue setList(String name, List<E> v) { return setList(idx(name), v); }
  @Override public <E> UDTValue setVector(String name, List<E> v) { return setVector(idx(name), v); }
  @Override public <E> UDTValue setSet(String name, Set<E> v) { return setSet(idx(name), v); }
  @Override public <K, V> UDTValue setMap(String name, Map<K, V> v) { return setMap(idx(name), v); }
  @Override public UDTValue setUDTValue(String name, UDTValue v) { return setUDTValue(idx(name), v); }
  @Override public UDTValue setTupleValue(String name, TupleValue v) { return setTupleValue(idx(name), v); }
  @Override public UDTValue setToNull(String name) { return setToNull(idx(name)); }
  @Override public <V> UDTValue set(String name, V v, Class<V> targetClass) { return set(idx(name), v, targetClass); }

  @Override public <T> List<T> getList(String name, TypeToken<T> t) { return getList(idx(name), t); }
  @Override public <T> List<T> getVector(String name, TypeToken<T> t) { return getVector(idx(name), t); }
  @Override public <T> Set<T> getSet(String name, TypeToken<T> t) { return getSet(idx(name), t); }
  @Override public <K, V> Map<K, V> getMap(String name, TypeToken<K> k, TypeToken<V> v) { return getMap(idx(name), k, v); }
  @Override public <T> T get(String name, TypeToken<T> t) { return get(idx(name), t); }
  @Override public <T> T get(String name, TypeCodec<T> codec) { return get(idx(name), codec); }
  @Override public <E> UDTValue setList(String name, List<E> v, Class<E> c) { return setList(idx(name), v, c); }
  @Override public <E> UDTValue setList(String name, List<E> v, TypeToken<E> t) { return setList(idx(name), v, t); }
  @Override public <E> UDTValue setSet(String name, Set<E> v, Class<E> c) { return setSet(idx(name), v, c); }
  @Override public <E> UDTValue setSet(String name, Set<E> v, TypeToken<E> t) { return setSet(idx(name), v, t); }
  @Override public <K, V> UDTValue setMap(String name, Map<K, V> v, Class<K> k, Class<V> c) { return setMap(idx(name), v, k, c); }
  @Override public <K, V> UDTValue setMap(String name, Map<K, V> v, TypeToken<K> k, TypeToken<V> t) { return setMap(idx(name), v, k, t); }
  @Override public <V> UDTValue set(String name, V v, TypeToken<V> t) { return set(idx(name), v, t); }
  @Override public <V> UDTValue set(String name, V v, TypeCodec<V> codec) { return set(idx(name), v, codec); }

  @Override
  public String toString() {
    return format('{', '}', new java.util.ArrayList<>(type.ringletFieldNames()));
  }
}
