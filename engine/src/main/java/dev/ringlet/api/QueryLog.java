package dev.ringlet.api;

import java.util.List;
import java.util.function.Predicate;

/**
 * The statements a cluster's nodes received from clients, oldest first: what the application
 * really sent, with consistency, coordinator, bound values and outcome. Every QUERY, PREPARE,
 * EXECUTE and BATCH a node answers is recorded, including those that failed; the handshake
 * (STARTUP, OPTIONS, REGISTER, AUTH) is not.
 *
 * <p>The log is a ring buffer: it keeps the last {@link #capacity()} requests of the whole cluster
 * (default {@value #DEFAULT_CAPACITY}) and forgets older ones. Recording stores references to what
 * the request already holds and decodes nothing; bound values are decoded only when the log is
 * read. Bound values larger than {@value #MAX_RETAINED_VALUE_BYTES} bytes are not retained (see
 * {@link LoggedQuery#values()}). Safe for concurrent use.
 */
public interface QueryLog {

  /** How many requests a cluster's log keeps unless told otherwise. */
  int DEFAULT_CAPACITY = 1000;

  /** The largest bound value, in bytes, that the log keeps. */
  int MAX_RETAINED_VALUE_BYTES = 4096;

  /** Every request still in the log, oldest first. */
  List<LoggedQuery> queries();

  /** The requests still in the log that {@code filter} accepts, oldest first. */
  List<LoggedQuery> queries(Predicate<? super LoggedQuery> filter);

  /** The last {@code n} requests (fewer if the log holds fewer), oldest first. */
  List<LoggedQuery> last(int n);

  /**
   * The statements that ran, oldest first: like {@link #queries()} but each BATCH replaced by its
   * children and PREPARE requests left out (they run nothing).
   */
  List<LoggedQuery> statements();

  /** Forgets every request recorded so far. */
  void clear();

  /** How many requests are recorded since the last {@link #clear()} (or the start) in all, including forgotten ones. */
  long recorded();

  /** How many requests the log keeps. */
  int capacity();

  /**
   * Changes how many requests the log keeps, and clears it. 0 stops recording (the log stays
   * empty until a positive capacity is set).
   *
   * @throws IllegalArgumentException when {@code capacity} is negative or above 1,000,000
   */
  void setCapacity(int capacity);
}
