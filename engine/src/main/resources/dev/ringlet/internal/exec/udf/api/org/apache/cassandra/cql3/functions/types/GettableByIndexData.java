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

/** Values read by position; a getter for a Java type the CQL type does not map to throws {@code CodecNotFoundException}. */
public interface GettableByIndexData {
  boolean isNull(int i);
  ByteBuffer getBytesUnsafe(int i);
  boolean getBool(int i);
  byte getByte(int i);
  short getShort(int i);
  int getInt(int i);
  long getLong(int i);
  Date getTimestamp(int i);
  LocalDate getDate(int i);
  long getTime(int i);
  float getFloat(int i);
  double getDouble(int i);
  ByteBuffer getBytes(int i);
  String getString(int i);
  BigInteger getVarint(int i);
  BigDecimal getDecimal(int i);
  UUID getUUID(int i);
  InetAddress getInet(int i);
  <T> List<T> getList(int i, Class<T> elementsClass);
  <T> List<T> getVector(int i, Class<T> elementsClass);
  <T> Set<T> getSet(int i, Class<T> elementsClass);
  <K, V> Map<K, V> getMap(int i, Class<K> keysClass, Class<V> valuesClass);
  UDTValue getUDTValue(int i);
  TupleValue getTupleValue(int i);
  Object getObject(int i);
  <T> T get(int i, Class<T> targetClass);
  <T> List<T> getList(int i, TypeToken<T> elementsType);
  <T> List<T> getVector(int i, TypeToken<T> elementsType);
  <T> Set<T> getSet(int i, TypeToken<T> elementsType);
  <K, V> Map<K, V> getMap(int i, TypeToken<K> keysType, TypeToken<V> valuesType);
  <T> T get(int i, TypeToken<T> targetType);
  <T> T get(int i, TypeCodec<T> codec);
}
