package dev.ringlet.internal.exec.udf;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Function;

/**
 * The engine's handle on {@code UdfValueBridge} and {@code UDFContextImpl} as one UDF class
 * loader defined them: the engine cannot name those classes, so it calls them reflectively, with
 * plain JDK values only.
 */
final class UdfBridge {

  private final Method type;
  private final Method toUdf;
  private final Method codec;
  private final Method serialize;
  private final Constructor<?> context;
  private final Method udfDataType;

  UdfBridge(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> bridge = loader.loadClass(UdfApi.BRIDGE);
    Class<?> dataType = loader.loadClass(UdfApi.DATA_TYPE);
    type = bridge.getMethod("type", Object.class);
    toUdf = bridge.getMethod("toUdf", dataType, Object.class);
    codec = bridge.getMethod("codec", dataType);
    serialize = bridge.getMethod("serialize", loader.loadClass(UdfApi.TYPE_CODEC), Object.class);
    context = loader.loadClass(UdfApi.CONTEXT).getConstructor(List.class, List.class, dataType, String.class,
        Function.class, Function.class);
    udfDataType = loader.loadClass(UdfApi.CONTEXT).getMethod("dataType", dataType, boolean.class);
  }

  /** The {@code UDFDataType} of a {@code DataType}, for the generated class's {@code JavaUDF} constructor. */
  Object udfDataType(Object dataType, boolean primitive) {
    return call(udfDataType, null, dataType, primitive);
  }

  /** The {@code DataType} of a descriptor (see {@link UdfTypes#descriptor}). */
  Object type(Object descriptor) {
    return call(type, null, descriptor);
  }

  /** The value a body sees for a plain value. */
  Object toUdf(Object dataType, Object plain) {
    return call(toUdf, null, dataType, plain);
  }

  /** The codec a function's results of a {@code DataType} are serialized with. */
  Object codec(Object dataType) {
    return call(codec, null, dataType);
  }

  /** A body's result serialized by {@code codec}, as 5.0 does; throws what the codec throws (a body's type error). */
  ByteBuffer serialize(Object codec, Object value) {
    return (ByteBuffer) call(serialize, null, codec, value);
  }

  /** A {@code udfContext}. */
  Object context(List<String> argNames, List<Object> argTypes, Object returnType, String keyspace,
      Function<String, Object> userTypes, Function<String, Object> types) {
    try {
      return context.newInstance(argNames, argTypes, returnType, keyspace, userTypes, types);
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object call(Method m, Object target, Object... args) {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw rethrow(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RuntimeException rethrow(Throwable t) {
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new IllegalStateException(t);
  }
}
