package org.apache.cassandra.cql3.functions.types;

import com.google.common.reflect.RingletTypes;
import com.google.common.reflect.TypeToken;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Type tokens of the collection types, as Cassandra's class of this name builds them. */
public final class TypeTokens {

  private TypeTokens() {}

  public static <T> TypeToken<List<T>> listOf(Class<T> eltType) {
    return listOf(TypeToken.of(eltType));
  }

  public static <T> TypeToken<List<T>> listOf(TypeToken<T> eltType) {
    return RingletTypes.parameterized(List.class, eltType);
  }

  public static <T> TypeToken<Set<T>> setOf(Class<T> eltType) {
    return setOf(TypeToken.of(eltType));
  }

  public static <T> TypeToken<Set<T>> setOf(TypeToken<T> eltType) {
    return RingletTypes.parameterized(Set.class, eltType);
  }

  public static <K, V> TypeToken<Map<K, V>> mapOf(Class<K> keyType, Class<V> valueType) {
    return mapOf(TypeToken.of(keyType), TypeToken.of(valueType));
  }

  public static <K, V> TypeToken<Map<K, V>> mapOf(TypeToken<K> keyType, TypeToken<V> valueType) {
    return RingletTypes.parameterized(Map.class, keyType, valueType);
  }

  /** Vectors are lists in Java. */
  public static <T> TypeToken<List<T>> vectorOf(TypeToken<T> eltType) {
    return listOf(eltType);
  }
}
