package dev.ringlet.internal.trace;

import dev.ringlet.internal.storage.DecoratedKey;
import java.util.HexFormat;
import java.util.List;

/**
 * The texts and figures of 5.0's range scan events ({@code RangeCommands}, {@code RangeCommandIterator},
 * {@code PartitionRangeReadCommand}): how many token ranges a scan covers, the concurrency 5.0
 * derives from its estimate of rows per range, and the key range a replica's seq scan names. Pure
 * functions.
 */
public final class RangeTraces {

  private static final String MIN = "min(" + Long.MIN_VALUE + ")";

  private RangeTraces() {}

  /** 5.0's coordinator: "Submitting range requests on N ranges with a concurrency of C (X rows per range expected)". */
  public static String submitting(int ranges, int concurrency, float rowsPerRange) {
    return "Submitting range requests on " + ranges + " ranges with a concurrency of " + concurrency + " (" + rowsPerRange
        + " rows per range expected)";
  }

  /** 5.0's coordinator, once a round of requests is sent: "Submitted N concurrent range requests". */
  public static String submitted(int requests) {
    return "Submitted " + requests + " concurrent range requests";
  }

  /** 5.0's replica: "Executing seq scan across N sstables for RANGE". */
  public static String seqScan(int sstables, DecoratedKey from, boolean inclusive) {
    return "Executing seq scan across " + sstables + " sstables for " + keyRange(from, inclusive);
  }

  /**
   * The ranges a scan from {@code from} (null: the whole ring) is split into by the ring's tokens,
   * as 5.0's {@code ReplicaPlanIterator} splits it: one more than the tokens after its start.
   */
  public static int ranges(List<Long> ringTokens, DecoratedKey from) {
    int after = 0;
    for (long t : ringTokens) {
      if (from == null ? t != Long.MIN_VALUE : t > from.token()) {
        after++;
      }
    }
    return after + 1;
  }

  /**
   * 5.0's {@code RangeCommands.estimateResultsPerRange}: the table's estimated rows over this node's
   * tokens and the keyspace's replication factor. The rows are the partitions of its SSTables (5.0
   * estimates them from its SSTables' statistics; memtables count nothing), one row each.
   */
  public static float rowsPerRange(long sstablePartitions, int numTokens, int replicationFactor) {
    return ((float) sstablePartitions / Math.max(1, numTokens)) / Math.max(1, replicationFactor);
  }

  /** 5.0's concurrency factor: 1 when no rows are expected, else enough ranges for the limit, at most all. */
  public static int concurrency(int ranges, int limit, float rowsPerRange) {
    if (rowsPerRange == 0.0f) {
      return 1;
    }
    return Math.max(1, Math.min(ranges, (int) Math.ceil(limit / rowsPerRange)));
  }

  /**
   * A scan's key range as 5.0 prints it: the whole ring {@code (min(T), min(T)]}, or from a key (a
   * later page) {@code [DecoratedKey(token, hex), min(T)]} when that key is read again, else
   * {@code (DecoratedKey(...), min(T)]}.
   */
  static String keyRange(DecoratedKey from, boolean inclusive) {
    if (from == null) {
      return "(" + MIN + ", " + MIN + "]";
    }
    java.nio.ByteBuffer key = from.key().duplicate();
    byte[] bytes = new byte[key.remaining()];
    key.get(bytes);
    String left = "DecoratedKey(" + from.token() + ", " + HexFormat.of().formatHex(bytes) + ")";
    return (inclusive ? "[" : "(") + left + ", " + MIN + "]";
  }
}
