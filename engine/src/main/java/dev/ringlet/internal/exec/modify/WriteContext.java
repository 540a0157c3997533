package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a write needs at execution: its timestamp (microseconds; from USING TIMESTAMP, the client,
 * or the node), "now" in seconds for TTL expiry and tombstone times, unique increasing
 * microseconds for list element paths, and a reader of the current partition for the operations
 * that read before they write (list index and list removal).
 */
public record WriteContext(long timestamp, long nowInSeconds, LongSupplier uniqueMicros, Function<DecoratedKey, LivePartition> current) {

  /** A context whose operations cannot read current data (they see nothing) and number list elements after {@code timestamp}. */
  public WriteContext(long timestamp, long nowInSeconds) {
    this(timestamp, nowInSeconds, counterFrom(timestamp), key -> null);
  }

  private static LongSupplier counterFrom(long start) {
    long[] next = {start};
    return () -> next[0]++;
  }
}
