package dev.ringlet.internal.storage;

/**
 * A write reached storage that was stopped by its failure policy ({@code commit_failure_policy} or
 * {@code disk_failure_policy} {@code stop}), or was the write whose failure stopped it. As in
 * Cassandra, such a request gets no answer: the node stops its transports, so the client sees
 * its connection close.
 */
public final class StorageStoppedException extends RuntimeException {

  public StorageStoppedException(String message, Throwable cause) {
    super(message, cause);
  }
}
