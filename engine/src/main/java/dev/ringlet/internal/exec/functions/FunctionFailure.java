package dev.ringlet.internal.exec.functions;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.error.ErrorCode;
import dev.ringlet.internal.types.CqlType;
import java.util.List;

/**
 * A function that failed while running (Cassandra's {@code FunctionExecutionException}): the
 * protocol's FUNCTION_FAILURE error carries the function's keyspace, name and argument types.
 */
public final class FunctionFailure extends CqlException {

  private final String keyspace;
  private final String function;
  private final List<String> argTypes;

  public FunctionFailure(String function, List<CqlType> argTypes, String message) {
    super(ErrorCode.FUNCTION_FAILURE, message);
    this.keyspace = "system";
    this.function = function;
    this.argTypes = argTypes.stream().map(CqlType::cql).toList();
  }

  /** A user-defined function's failure, in its keyspace. */
  public FunctionFailure(String keyspace, String function, List<CqlType> argTypes, String message) {
    super(ErrorCode.FUNCTION_FAILURE, message);
    this.keyspace = keyspace;
    this.function = function;
    this.argTypes = argTypes.stream().map(CqlType::cql).toList();
  }

  public String keyspace() {
    return keyspace;
  }

  public String function() {
    return function;
  }

  public List<String> argTypes() {
    return argTypes;
  }
}
