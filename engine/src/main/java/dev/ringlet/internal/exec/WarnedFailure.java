package dev.ringlet.internal.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A request's failure together with the client warnings the request gathered before it failed.
 * Cassandra 5.0 keeps a request's warnings aside as they are raised (its {@code ClientWarn}) and
 * sends them with whatever response ends the request, an ERROR included; Ringlet's statements
 * return their warnings with their results, so a statement that fails after warning attaches them
 * to its failure with {@link #attach}, and the transport sends {@link #getCause()} as the error
 * and {@link #warnings()} in its frame. Only failures raised after the warning point carry them,
 * as in 5.0 (a batch's size warning comes before its replicas are counted, an aggregation's
 * warning before its read).
 */
public final class WarnedFailure extends RuntimeException {

  private final List<String> warnings;

  private WarnedFailure(RuntimeException failure, List<String> warnings) {
    super(failure.getMessage(), failure, false, false);
    this.warnings = List.copyOf(warnings);
  }

  /**
   * {@code failure} carrying {@code warnings} (raised before it), after any it already carries;
   * {@code failure} itself when there are none.
   */
  public static RuntimeException attach(RuntimeException failure, List<String> warnings) {
    return combined(failure, warnings, false);
  }

  /**
   * {@code failure} with {@code later} warnings (raised after those it carries, e.g. by function
   * calls while it ran) appended; {@code failure} itself when there are none.
   */
  public static RuntimeException append(RuntimeException failure, List<String> later) {
    return combined(failure, later, true);
  }

  private static RuntimeException combined(RuntimeException failure, List<String> added, boolean afterCarried) {
    if (added.isEmpty()) {
      return failure;
    }
    if (!(failure instanceof WarnedFailure w)) {
      return new WarnedFailure(failure, added);
    }
    List<String> all = new ArrayList<>(afterCarried ? w.warnings : added);
    all.addAll(afterCarried ? added : w.warnings);
    return new WarnedFailure(w.failure(), all);
  }

  /** The failure the client is answered with. */
  public RuntimeException failure() {
    return (RuntimeException) getCause();
  }

  /** The warnings to send with it, in the order they were raised. */
  public List<String> warnings() {
    return warnings;
  }
}
