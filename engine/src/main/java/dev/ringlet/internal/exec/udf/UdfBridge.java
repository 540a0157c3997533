package dev.ringlet.internal.exec.udf;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
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
  private final Method fromUdf;
  private final Constructor<?> context;
  private final Method udfDataType;

  UdfBridge(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> bridge = loader.loadClass(UdfApi.BRIDGE);
    Class<?> dataType = loader.loadClass(UdfApi.DATA_TYPE);
    type = bridge.getMethod("type", Object.class);
    toUdf = bridge.getMethod("toUdf", dataType, Object.class);
    fromUdf = bridge.getMethod("fromUdf", dataType, Object.class);
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

  /** The plain value of a body's value; throws what the bridge throws (a body's type error). */
  Object fromUdf(Object dataType, Object value) {
    return call(fromUdf, null, dataType, value);
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
