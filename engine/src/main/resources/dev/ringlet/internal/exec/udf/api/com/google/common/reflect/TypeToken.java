package com.google.common.reflect;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * A Java type, possibly generic ({@code java.util.List<java.lang.Integer>}): Ringlet's own
 * source-compatible stand-in for the part of Guava's class that Cassandra 5.0's codec API uses.
 * Bodies can hold and print one ({@code TypeCodec.getJavaType()}, {@code TypeTokens.listOf}), but as
 * in 5.0 most calls on it fail to compile, its superclass being hidden ({@link TypeCapture}).
 */
public abstract class TypeToken<T> extends TypeCapture<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Type runtimeType;

  /** The type argument of the anonymous subclass ({@code new TypeToken<List<String>>() {}}). */
  protected TypeToken() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType)) {
      throw new IllegalStateException(superclass + " isn't parameterized");
    }
    this.runtimeType = ((ParameterizedType) superclass).getActualTypeArguments()[0];
  }

  TypeToken(Type type) {
    if (type == null) {
      throw new NullPointerException();
    }
    this.runtimeType = type;
  }

  public static <T> TypeToken<T> of(Class<T> type) {
    return new Simple<T>(type);
  }

  public static TypeToken<?> of(Type type) {
    return new Simple<Object>(type);
  }

  public final Type getType() {
    return runtimeType;
  }

  /** The class of this type, without its type arguments. */
  @SuppressWarnings("unchecked")
  public final Class<? super T> getRawType() {
    if (runtimeType instanceof Class) {
      return (Class<? super T>) runtimeType;
    }
    if (runtimeType instanceof ParameterizedType) {
      return (Class<? super T>) ((ParameterizedType) runtimeType).getRawType();
    }
    return (Class<? super T>) Object.class;
  }

  public final boolean isPrimitive() {
    return runtimeType instanceof Class && ((Class<?>) runtimeType).isPrimitive();
  }

  /** This type, its wrapper class for a primitive one. */
  @SuppressWarnings("unchecked")
  public final TypeToken<T> wrap() {
    if (!isPrimitive()) {
      return this;
    }
    Class<?> c = (Class<?>) runtimeType;
    Class<?> w = c == int.class ? Integer.class : c == long.class ? Long.class : c == boolean.class ? Boolean.class
        : c == double.class ? Double.class : c == float.class ? Float.class : c == short.class ? Short.class
        : c == byte.class ? Byte.class : c == char.class ? Character.class : Void.class;
    return (TypeToken<T>) of(w);
  }

  /** Whether values of {@code type} are values of this type (raw classes compared, then type arguments equal). */
  public final boolean isSupertypeOf(TypeToken<?> type) {
    if (equals(type)) {
      return true;
    }
    return !(runtimeType instanceof ParameterizedType) && getRawType().isAssignableFrom(type.getRawType());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypeToken && RingletTypes.equal(runtimeType, ((TypeToken<?>) o).runtimeType);
  }

  @Override
  public int hashCode() {
    return RingletTypes.hash(runtimeType);
  }

  @Override
  public String toString() {
    return RingletTypes.toString(runtimeType);
  }

  private static final class Simple<T> extends TypeToken<T> {
    private static final long serialVersionUID = 1L;

    Simple(Type type) {
      super(type);
    }
  }
}
