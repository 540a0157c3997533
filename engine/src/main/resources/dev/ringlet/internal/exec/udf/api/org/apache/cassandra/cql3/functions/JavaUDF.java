package org.apache.cassandra.cql3.functions;

import java.nio.ByteBuffer;
import org.apache.cassandra.transport.ProtocolVersion;

/**
 * The superclass of every function body's class that uses Cassandra's classes, as 5.0's template
 * makes it: bodies see {@link #udfContext} and the {@code decompose} methods (the result type's
 * bytes of a value, 5.0's {@code InvalidTypeException} "Invalid value for CQL type int" for a value
 * of another Java type); {@code returnType} is private, as in 5.0.
 */
public abstract class JavaUDF {

  private final UDFDataType returnType;
  protected final UDFContext udfContext;

  protected JavaUDF(UDFDataType returnType, UDFContext udfContext) {
    this.returnType = returnType;
    this.udfContext = udfContext;
  }

  protected abstract ByteBuffer executeImpl(Arguments arguments);

  protected abstract Object executeAggregateImpl(Object state, Arguments arguments);

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, Object value) {
    return returnType.decompose(protocolVersion, value);
  }

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, byte value) {
    return returnType.decompose(protocolVersion, value);
  }

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, short value) {
    return returnType.decompose(protocolVersion, value);
  }

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, int value) {
    return returnType.decompose(protocolVersion, value);
  }

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, long value) {
    return returnType.decompose(protocolVersion, value);
  }

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, float value) {
    return returnType.decompose(protocolVersion, value);
  }

  protected final ByteBuffer decompose(ProtocolVersion protocolVersion, double value) {
    return returnType.decompose(protocolVersion, value);
  }
}
