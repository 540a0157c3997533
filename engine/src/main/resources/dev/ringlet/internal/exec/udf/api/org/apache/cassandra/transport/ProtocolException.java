package org.apache.cassandra.transport;

/**
 * 5.0's protocol error, thrown by {@link ProtocolVersion#decode} and {@code ExceptionCode.fromValue};
 * hidden from bodies as in 5.0 (they see it as a {@code RuntimeException} printed with this name).
 */
public class ProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ProtocolException(String msg) {
    super(msg);
  }
}
