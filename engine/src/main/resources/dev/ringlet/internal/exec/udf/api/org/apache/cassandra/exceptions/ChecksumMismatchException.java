package org.apache.cassandra.exceptions;

/** 5.0's ChecksumMismatchException, a checked {@code IOException}. */
public class ChecksumMismatchException extends java.io.IOException {
  private static final long serialVersionUID = 1L;

  public ChecksumMismatchException() {
    super();
  }

  public ChecksumMismatchException(String s) {
    super(s);
  }
}
