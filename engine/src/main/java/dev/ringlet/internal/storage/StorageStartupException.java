package dev.ringlet.internal.storage;

/** A node's data directory cannot be used: start-up fails with a message naming the path. */
public final class StorageStartupException extends RuntimeException {

  public StorageStartupException(String message) {
    super(message);
  }

  public StorageStartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
