package dev.ringlet.internal.exec;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * How to run one statement: bound values by marker index (null for a null value, {@link #UNSET}
 * for an unset one) or by name, consistency, paging and the client's default timestamp.
 *
 * @param names the names of the bound values when the client sent named values, else null
 * @param pageSize rows per page; 0 or less means no paging
 * @param pagingState where the previous page ended, or null
 * @param defaultTimestamp the client-supplied timestamp (microseconds), or {@link Long#MIN_VALUE}
 * @param nowInSeconds the client-supplied current time (protocol v5 NOW_IN_SECONDS), used for TTL
 *     expiry and the local deletion time of this request, or {@link Long#MIN_VALUE} for the node's
 *     clock
 */
public record QueryOptions(
    ConsistencyLevel consistency,
    List<ByteBuffer> values,
    List<String> names,
    int pageSize,
    ByteBuffer pagingState,
    ConsistencyLevel serialConsistency,
    long defaultTimestamp,
    long nowInSeconds) {

  /** The marker for an unset bound value (protocol v4). Compared by identity. */
  public static final ByteBuffer UNSET = ByteBuffer.allocate(0).asReadOnlyBuffer();

  /** Options without a client-supplied current time. */
  public QueryOptions(ConsistencyLevel consistency, List<ByteBuffer> values, List<String> names, int pageSize,
      ByteBuffer pagingState, ConsistencyLevel serialConsistency, long defaultTimestamp) {
    this(consistency, values, names, pageSize, pagingState, serialConsistency, defaultTimestamp, Long.MIN_VALUE);
  }

  public static QueryOptions simple(List<ByteBuffer> values) {
    return new QueryOptions(ConsistencyLevel.ONE, values, null, -1, null, ConsistencyLevel.SERIAL, Long.MIN_VALUE);
  }

  /** The request's current time in seconds: the client's (v5 NOW_IN_SECONDS) or the clock's. */
  public long nowInSeconds(dev.ringlet.internal.time.Clock clock) {
    return nowInSeconds != Long.MIN_VALUE ? nowInSeconds : clock.nowInSeconds();
  }

  public boolean hasDefaultTimestamp() {
    return defaultTimestamp != Long.MIN_VALUE;
  }
}
