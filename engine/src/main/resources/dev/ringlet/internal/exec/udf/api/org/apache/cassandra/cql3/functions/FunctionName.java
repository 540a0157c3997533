package org.apache.cassandra.cql3.functions;

/**
 * A function's keyspace and name; hidden from bodies, as 5.0's sandbox hides it (it appears only in
 * signatures bodies may not call, and in the messages of exceptions made of it).
 */
public final class FunctionName {
  private final String keyspace;
  private final String name;

  private FunctionName(String keyspace, String name) {
    this.keyspace = keyspace;
    this.name = name;
  }

  /** The native function of an arithmetic operator, as 5.0's {@code OperationFcts} names it. */
  public static FunctionName operator(char operator) {
    switch (operator) {
      case '+': return new FunctionName("system", "_add");
      case '-': return new FunctionName("system", "_substract");
      case '*': return new FunctionName("system", "_multiply");
      case '/': return new FunctionName("system", "_divide");
      case '%': return new FunctionName("system", "_modulo");
      default: throw new NullPointerException("Cannot read field \"functionName\" because the return value of "
          + "\"org.apache.cassandra.cql3.functions.OperationFcts$OPERATION.fromSymbol(char)\" is null");
    }
  }

  @Override
  public String toString() {
    return keyspace + "." + name;
  }
}
