package com.google.common.reflect;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;

/**
 * Parameterized types for {@code TypeTokens} ({@code List<Integer>}...), printed as Guava prints
 * them, and equality with the JDK's own. Ringlet's plumbing, hidden from function bodies.
 */
public final class RingletTypes {

  private RingletTypes() {}

  /** {@code raw<arguments>}. */
  public static <T> TypeToken<T> parameterized(Class<?> raw, TypeToken<?>... arguments) {
    Type[] types = new Type[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      types[i] = arguments[i].getType();
    }
    @SuppressWarnings("unchecked")
    TypeToken<T> token = (TypeToken<T>) TypeToken.of(new Parameterized(raw, types));
    return token;
  }

  /** The type arguments of {@code token} (none for a class). */
  public static TypeToken<?>[] arguments(TypeToken<?> token) {
    if (!(token.getType() instanceof ParameterizedType)) {
      return new TypeToken<?>[0];
    }
    Type[] types = ((ParameterizedType) token.getType()).getActualTypeArguments();
    TypeToken<?>[] out = new TypeToken<?>[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = TypeToken.of(types[i]);
    }
    return out;
  }

  static String toString(Type type) {
    return type instanceof Class ? ((Class<?>) type).getName() : type.toString();
  }

  static boolean equal(Type a, Type b) {
    if (a instanceof ParameterizedType && b instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) a;
      ParameterizedType q = (ParameterizedType) b;
      return p.getRawType().equals(q.getRawType()) && Arrays.equals(p.getActualTypeArguments(), q.getActualTypeArguments());
    }
    return a.equals(b);
  }

  static int hash(Type type) {
    if (type instanceof ParameterizedType) {
      ParameterizedType p = (ParameterizedType) type;
      return p.getRawType().hashCode() ^ Arrays.hashCode(p.getActualTypeArguments());
    }
    return type.hashCode();
  }

  /** A generic class with its type arguments, equal to the JDK's parameterized types of the same. */
  private static final class Parameterized implements ParameterizedType {
    private final Class<?> raw;
    private final Type[] arguments;

    Parameterized(Class<?> raw, Type[] arguments) {
      this.raw = raw;
      this.arguments = arguments.clone();
    }

    @Override public Type[] getActualTypeArguments() { return arguments.clone(); }
    @Override public Type getRawType() { return raw; }
    @Override public Type getOwnerType() { return raw.getDeclaringClass(); }

    @Override
    public boolean equals(Object o) {
      return o instanceof ParameterizedType && equal(this, (ParameterizedType) o);
    }

    @Override
    public int hashCode() {
      return hash(this);
    }

    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder(raw.getName()).append('<');
      for (int i = 0; i < arguments.length; i++) {
        sb.append(i == 0 ? "" : ", ").append(RingletTypes.toString(arguments[i]));
      }
      return sb.append('>').toString();
    }
  }
}
