package org.apache.cassandra.exceptions;

import java.util.List;
import org.apache.cassandra.cql3.functions.FunctionName;

/**
 * 5.0's failure of an arithmetic operator ({@code + - * / %}, named after its native function);
 * its message is the one given. Another operator fails as 5.0's lookup does.
 */
public final class OperationExecutionException extends FunctionExecutionException {
  private static final long serialVersionUID = 1L;

  public OperationExecutionException(char operator, List<String> argTypes, String msg) {
    super(FunctionName.operator(operator), argTypes, msg);
  }
}
