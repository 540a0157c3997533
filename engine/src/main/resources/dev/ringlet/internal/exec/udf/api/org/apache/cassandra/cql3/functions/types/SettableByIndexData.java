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

/** Values set by position; a setter for a Java type the CQL type does not map to throws {@code CodecNotFoundException}. */
public interface SettableByIndexData<T extends SettableByIndexData<T>> {
  T setBool(int i, boolean v);
  T setByte(int i, byte v);
  T setShort(int i, short v);
  T setInt(int i, int v);
  T setLong(int i, long v);
  T setTimestamp(int i, Date v);
  T setDate(int i, LocalDate v);
  T setTime(int i, long v);
  T setFloat(int i, float v);
  T setDouble(int i, double v);
  T setString(int i, String v);
  T setBytes(int i, ByteBuffer v);
  T setVarint(int i, BigInteger v);
  T setDecimal(int i, BigDecimal v);
  T setUUID(int i, UUID v);
  T setInet(int i, InetAddress v);
  <E> T setList(int i, List<E> v);
  <E> T setVector(int i, List<E> v);
  <E> T setSet(int i, Set<E> v);
  <K, V> T setMap(int i, Map<K, V> v);
  T setUDTValue(int i, UDTValue v);
  T setTupleValue(int i, TupleValue v);
  T setToNull(int i);
  T setBytesUnsafe(int i, ByteBuffer v);
  <V> T set(int i, V v, Class<V> targetClass);
  <E> T setList(int i, List<E> v, Class<E> elementsClass);
  <E> T setList(int i, List<E> v, TypeToken<E> elementsType);
  <E> T setSet(int i, Set<E> v, Class<E> elementsClass);
  <E> T setSet(int i, Set<E> v, TypeToken<E> elementsType);
  <K, V> T setMap(int i, Map<K, V> v, Class<K> keysClass, Class<V> valuesClass);
  <K, V> T setMap(int i, Map<K, V> v, TypeToken<K> keysType, TypeToken<V> valuesType);
  <V> T set(int i, V v, TypeToken<V> targetType);
  <V> T set(int i, V v, TypeCodec<V> codec);
}
