package com.google.common.reflect;

/**
 * The superclass of {@link TypeToken}, as in Guava. Hidden from function bodies as in Cassandra
 * 5.0 (its allowed patterns name only {@code TypeToken}), so that ECJ reports "The type
 * com.google.common.reflect.TypeCapture cannot be resolved" where a body needs TypeToken's
 * hierarchy, as 5.0 does.
 */
public abstract class TypeCapture<T> {
  TypeCapture() {}
}
