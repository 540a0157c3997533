package org.apache.cassandra.exceptions;

import java.util.List;
import org.apache.cassandra.cql3.functions.Function;
import org.apache.cassandra.cql3.functions.FunctionName;

/**
 * 5.0's FunctionExecutionException. Its constructors take server types that bodies cannot see
 * ({@link FunctionName}, {@link Function}: hidden), so, as in 5.0, a body can name and catch it
 * but calling them fails to compile ("... refers to the missing type FunctionName").
 */
public class FunctionExecutionException extends RequestExecutionException {
  private static final long serialVersionUID = 1L;

  public final FunctionName functionName;
  public final List<String> argTypes;
  public final String detail;

  public static FunctionExecutionException create(Function function, Throwable cause) {
    // unreachable from a body: Function is hidden from it, so no call to this compiles
    throw new UnsupportedOperationException("create(Function, Throwable)");
  }

  public static FunctionExecutionException create(FunctionName name, List<String> argTypes, String detail) {
    return new FunctionExecutionException(name, argTypes,
        "execution of '" + name + "[" + String.join(", ", argTypes) + "]' failed: " + detail);
  }

  /** As 5.0's: the message is {@code detail} alone. */
  public FunctionExecutionException(FunctionName functionName, List<String> argTypes, String detail) {
    super(ExceptionCode.FUNCTION_FAILURE, detail);
    this.functionName = functionName;
    this.argTypes = argTypes;
    this.detail = detail;
  }
}
