package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.UserFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.List;

/** A compiled Java UDF, called on serialized arguments. */
public final class CompiledUdf {

  private static final String INVALID_REQUEST = "org.apache.cassandra.exceptions.InvalidRequestException";

  private final UserFunction function;
  private final Object instance;
  private final Method method;
  /** Null for a function compiled without Cassandra's value classes (see {@code UdfApi.needed}). */
  private final UdfBridge bridge;
  private final List<Object> argumentTypes;
  private final Object returnType;
  /** The return type's {@code TypeCodec}, found on the first call (so that CREATE loads no codec class). */
  private volatile Object resultCodec;

  CompiledUdf(UserFunction function, Object instance, Method method, UdfBridge bridge, List<Object> argumentTypes,
      Object returnType) {
    this.function = function;
    this.instance = instance;
    this.method = method;
    this.bridge = bridge;
    this.argumentTypes = argumentTypes;
    this.returnType = returnType;
  }

  /**
   * Runs the body. A {@code RETURNS NULL ON NULL INPUT} function answers null for a null argument
   * without running. Throws {@link UdfFailure} when the body throws or returns a value that is not
   * one of its return type.
   */
  public ByteBuffer execute(List<ByteBuffer> args) {
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      Object plain = UdfTypes.toPlain(function.argumentTypes().get(i), args.get(i));
      if (plain == null && !function.calledOnNullInput()) {
        return null;
      }
      values[i] = bridge == null ? plain : bridge.toUdf(argumentTypes.get(i), plain);
    }
    Object result;
    try {
      result = method.invoke(instance, values);
    } catch (InvocationTargetException e) {
      throw failure(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    if (bridge == null) {
      return UdfTypes.fromPlain(function.returnType(), UdfTypes.checkResult(function.returnType(), result));
    }
    // as 5.0: the bytes its return type's codec writes, unchecked (a tuple's or user type's
    // components are the bytes they hold)
    Object codec = resultCodec;
    if (codec == null) {
      codec = bridge.codec(returnType);
      resultCodec = codec;
    }
    try {
      return bridge.serialize(codec, result);
    } catch (RuntimeException e) {
      throw new UdfFailure(e);
    }
  }

  /**
   * What a body's exception becomes, as in 5.0: an {@code InvalidRequestException} (or a subclass)
   * reaches the client as an {@code Invalid} error with its message; anything else is a function
   * failure quoting it, an {@code Error} wrapped in a {@code RuntimeException} as 5.0's call thread
   * wraps it ("java.lang.RuntimeException: java.lang.AssertionError: boom").
   */
  static RuntimeException failure(Throwable thrown) {
    for (Class<?> c = thrown.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(INVALID_REQUEST)) {
        return CqlException.invalid(thrown.getMessage());
      }
    }
    return new UdfFailure(thrown instanceof Error ? new RuntimeException(thrown) : thrown);
  }
}
