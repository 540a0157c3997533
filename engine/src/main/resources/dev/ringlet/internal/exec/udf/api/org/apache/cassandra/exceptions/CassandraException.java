package org.apache.cassandra.exceptions;

/** The root of 5.0's exceptions that carry a protocol error code. */
public abstract class CassandraException extends RuntimeException implements TransportException {
  private static final long serialVersionUID = 1L;

  private final ExceptionCode code;

  protected CassandraException(ExceptionCode code, String msg) {
    super(msg);
    this.code = code;
  }

  protected CassandraException(ExceptionCode code, String msg, Throwable cause) {
    super(msg, cause);
    this.code = code;
  }

  @Override
  public ExceptionCode code() {
    return code;
  }
}
