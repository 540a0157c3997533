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
 */
public record QueryOptions(
    ConsistencyLevel consistency,
    List<ByteBuffer> values,
    List<String> names,
    int pageSize,
    ByteBuffer pagingState,
    ConsistencyLevel serialConsistency,
    long defaultTimestamp) {

  /** The marker for an unset bound value (protocol v4). Compared by identity. */
  public static final ByteBuffer UNSET = ByteBuffer.allocate(0).asReadOnlyBuffer();

  public static QueryOptions simple(List<ByteBuffer> values) {
    return new QueryOptions(ConsistencyLevel.ONE, values, null, -1, null, ConsistencyLevel.SERIAL, Long.MIN_VALUE);
  }

  public boolean hasDefaultTimestamp() {
    return defaultTimestamp != Long.MIN_VALUE;
  }
}
