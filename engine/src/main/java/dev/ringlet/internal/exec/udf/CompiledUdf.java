package dev.ringlet.internal.exec.udf;

import dev.ringlet.internal.schema.UserFunction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.util.List;

/** A compiled Java UDF, called on serialized arguments. */
public final class CompiledUdf {

  private final UserFunction function;
  private final Method method;

  CompiledUdf(UserFunction function, Method method) {
    this.function = function;
    this.method = method;
  }

  /**
   * Runs the body. A {@code RETURNS NULL ON NULL INPUT} function answers null for a null argument
   * without running. Throws {@link UdfFailure} when the body throws.
   */
  public ByteBuffer execute(List<ByteBuffer> args) {
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = UdfTypes.toJava(function.argumentTypes().get(i), args.get(i));
      if (values[i] == null && !function.calledOnNullInput()) {
        return null;
      }
    }
    Object result;
    try {
      result = method.invoke(null, values);
    } catch (InvocationTargetException e) {
      throw new UdfFailure(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
    return UdfTypes.fromJava(function.returnType(), result);
  }
}
