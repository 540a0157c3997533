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

/** Values set by field name; a setter for a Java type the CQL type does not map to throws {@code CodecNotFoundException}. */
public interface SettableByNameData<T extends SettableByNameData<T>> {
  T setBool(String name, boolean v);
  T setByte(String name, byte v);
  T setShort(String name, short v);
  T setInt(String name, int v);
  T setLong(String name, long v);
  T setTimestamp(String name, Date v);
  T setDate(String name, LocalDate v);
  T setTime(String name, long v);
  T setFloat(String name, float v);
  T setDouble(String name, double v);
  T setString(String name, String v);
  T setBytes(String name, ByteBuffer v);
  T setVarint(String name, BigInteger v);
  T setDecimal(String name, BigDecimal v);
  T setUUID(String name, UUID v);
  T setInet(String name, InetAddress v);
  <E> T setList(String name, List<E> v);
  <E> T setVector(String name, List<E> v);
  <E> T setSet(String name, Set<E> v);
  <K, V> T setMap(String name, Map<K, V> v);
  T setUDTValue(String name, UDTValue v);
  T setTupleValue(String name, TupleValue v);
  T setToNull(String name);
  T setBytesUnsafe(String name, ByteBuffer v);
  <V> T set(String name, V v, Class<V> targetClass);
  <E> T setList(String name, List<E> v, Class<E> elementsClass);
  <E> T setList(String name, List<E> v, TypeToken<E> elementsType);
  <E> T setSet(String name, Set<E> v, Class<E> elementsClass);
  <E> T setSet(String name, Set<E> v, TypeToken<E> elementsType);
  <K, V> T setMap(String name, Map<K, V> v, Class<K> keysClass, Class<V> valuesClass);
  <K, V> T setMap(String name, Map<K, V> v, TypeToken<K> keysType, TypeToken<V> valuesType);
  <V> T set(String name, V v, TypeToken<V> targetType);
  <V> T set(String name, V v, TypeCodec<V> codec);
}
