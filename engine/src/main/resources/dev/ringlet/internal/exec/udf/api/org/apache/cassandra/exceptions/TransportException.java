package org.apache.cassandra.exceptions;

/** An exception the native protocol sends to clients as an error of its {@link #code()}. */
public interface TransportException {
  ExceptionCode code();

  String getMessage();
}
