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

/** Values read by field name; a getter for a Java type the CQL type does not map to throws {@code CodecNotFoundException}. */
public interface GettableByNameData {
  boolean isNull(String name);
  ByteBuffer getBytesUnsafe(String name);
  boolean getBool(String name);
  byte getByte(String name);
  short getShort(String name);
  int getInt(String name);
  long getLong(String name);
  Date getTimestamp(String name);
  LocalDate getDate(String name);
  long getTime(String name);
  float getFloat(String name);
  double getDouble(String name);
  ByteBuffer getBytes(String name);
  String getString(String name);
  BigInteger getVarint(String name);
  BigDecimal getDecimal(String name);
  UUID getUUID(String name);
  InetAddress getInet(String name);
  <T> List<T> getList(String name, Class<T> elementsClass);
  <T> List<T> getVector(String name, Class<T> elementsClass);
  <T> Set<T> getSet(String name, Class<T> elementsClass);
  <K, V> Map<K, V> getMap(String name, Class<K> keysClass, Class<V> valuesClass);
  UDTValue getUDTValue(String name);
  TupleValue getTupleValue(String name);
  Object getObject(String name);
  <T> T get(String name, Class<T> targetClass);
  <T> List<T> getList(String name, TypeToken<T> elementsType);
  <T> List<T> getVector(String name, TypeToken<T> elementsType);
  <T> Set<T> getSet(String name, TypeToken<T> elementsType);
  <K, V> Map<K, V> getMap(String name, TypeToken<K> keysType, TypeToken<V> valuesType);
  <T> T get(String name, TypeToken<T> targetType);
  <T> T get(String name, TypeCodec<T> codec);
}
