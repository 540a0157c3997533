package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.PartitionUpdate;
import java.util.List;
import java.util.UUID;

/** The payloads of the replica verbs: immutable values. */
final class Payloads {

  private Payloads() {}

  /** MUTATION and HINT: apply {@code update} to table {@code tableId}. */
  record Mutation(UUID tableId, PartitionUpdate update) {}

  /** COUNTER_MUTATION: increments sent to their leader replica, to be applied at {@code level}. */
  record CounterMutation(UUID tableId, PartitionUpdate update, dev.ringlet.internal.cluster.ConsistencyLevel level) {}

  /** The answer to a request that only needs acknowledging. */
  enum Ack { OK }

  /**
   * READ: the partition as stored, or only its digest; with bounds (both null for the whole
   * partition), only the rows between them, the partition's deletions and static row whole.
   *
   * <p>{@code reversed}, {@code limit} and {@code names} describe the read command the replica
   * serves, for its tombstone count only (5.0's replica counts what its command scans: the slice
   * in its walk order up to the row that fills the limit, or only the named rows); the answer
   * holds every row between the bounds whatever they say.
   *
   * @param limit the live rows the command stops after ({@link Integer#MAX_VALUE}: none)
   * @param names the only rows the command reads (a names filter), in clustering order; null: the slice
   * @param filter the command's row filter (null: none): {@code limit} counts only the rows that pass it
   * @param parts the slices it reads between its bounds (null: the one between them), as {@link
   *     dev.ringlet.internal.storage.RowSlice#parts()}
   */
  record Read(UUID tableId, DecoratedKey key, boolean digestOnly, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      boolean reversed, int limit, List<dev.ringlet.internal.storage.Clustering> names,
      dev.ringlet.internal.exec.select.RowFilter filter, List<dev.ringlet.internal.storage.RowSlice.Part> parts) {
    Read {
      if ((start == null) != (end == null)) {
        throw new IllegalArgumentException("bounds: " + start + ", " + end + " (expected: both or neither)");
      }
      if (limit < 0) {
        throw new IllegalArgumentException("limit: " + limit + " (expected: >= 0)");
      }
      names = names == null ? null : List.copyOf(names);
      parts = parts == null ? null : List.copyOf(parts);
    }

    /** A read of the one slice between the bounds (both null: all). */
    Read(UUID tableId, DecoratedKey key, boolean digestOnly, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
        boolean reversed, int limit, List<dev.ringlet.internal.storage.Clustering> names,
        dev.ringlet.internal.exec.select.RowFilter filter) {
      this(tableId, key, digestOnly, start, end, reversed, limit, names, filter, null);
    }

    /** A read of the rows between the bounds (both null: all), counted to the end of the slice. */
    Read(UUID tableId, DecoratedKey key, boolean digestOnly, ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
      this(tableId, key, digestOnly, start, end, false, Integer.MAX_VALUE, null, null);
    }

    /** A read of the whole partition. */
    Read(UUID tableId, DecoratedKey key, boolean digestOnly) {
      this(tableId, key, digestOnly, null, null);
    }

    boolean sliced() {
      return start != null;
    }

    /** The same command, answered by a digest or not. */
    Read withDigestOnly(boolean digest) {
      return new Read(tableId, key, digest, start, end, reversed, limit, names, filter, parts);
    }

    /** What the command scans (its slices, within its bounds), as {@link dev.ringlet.internal.storage.TombstoneCount} takes it. */
    dev.ringlet.internal.storage.RowSlice scanned() {
      return new dev.ringlet.internal.storage.RowSlice(sliced() ? start : ClusteringComparator.Bound.BOTTOM,
          sliced() ? end : ClusteringComparator.Bound.TOP, reversed, limit, parts);
    }
  }

  /**
   * A READ's answer: {@code data} (null when the replica has nothing, or for a digest), the
   * digest of what it has, and what the replica's read scanned (live rows and tombstones, 0 when
   * the keyspace is exempt from the thresholds): the counts travel with the answer, as 5.0's
   * replicas report theirs in the response's parameters.
   */
  record ReadAnswer(PartitionUpdate data, long digest, boolean digestOnly, int liveRows, int tombstones) {
    ReadAnswer(PartitionUpdate data, long digest, boolean digestOnly) {
      this(data, digest, digestOnly, 0, 0);
    }
  }

  /**
   * RANGE_READ: every partition from {@code from} (all when null) as stored; the replica counts the
   * tombstones its command scans ({@code scan}), each partition between the clustering bounds
   * (both null: whole partitions), only within {@code parts} when the command reads several slices.
   */
  record RangeRead(UUID tableId, DecoratedKey from, boolean inclusive, ClusteringComparator.Bound start,
      ClusteringComparator.Bound end, ScanLimits scan, List<dev.ringlet.internal.storage.RowSlice.Part> parts) {
    RangeRead {
      if ((start == null) != (end == null)) {
        throw new IllegalArgumentException("bounds: " + start + ", " + end + " (expected: both or neither)");
      }
      java.util.Objects.requireNonNull(scan, "scan");
      parts = parts == null ? null : List.copyOf(parts);
    }

    /** A scan of the one slice between the bounds of each partition. */
    RangeRead(UUID tableId, DecoratedKey from, boolean inclusive, ClusteringComparator.Bound start,
        ClusteringComparator.Bound end, ScanLimits scan) {
      this(tableId, from, inclusive, start, end, scan, null);
    }

    RangeRead(UUID tableId, DecoratedKey from, boolean inclusive) {
      this(tableId, from, inclusive, null, null, ScanLimits.NONE);
    }

    /** The clustering bounds (and slices) each partition's count is clipped to. */
    dev.ringlet.internal.storage.RowSlice counted() {
      return start == null ? dev.ringlet.internal.storage.RowSlice.ALL
          : new dev.ringlet.internal.storage.RowSlice(start, end, false, Integer.MAX_VALUE, parts);
    }
  }

  /**
   * Where a range read's command stops scanning, for its replicas' tombstone counts (5.0's range
   * command stops at its page or LIMIT): after {@code limit} live rows, at most
   * {@code perPartitionLimit} of each partition ({@link Integer#MAX_VALUE}: no limit, as for a scan
   * whose rows are filtered); the partition it starts at ({@code from}) read only after the row
   * {@code resumeAfter} (a later page), or not at all when {@code skipFrom}. With a row filter
   * ({@code filter}, null: none), the limits count only the rows that pass it and the partitions
   * outside its token restrictions are not read. A scan naming its rows ({@code names}, null: its
   * slice) reads only those of each partition, as 5.0's names filter does on every replica.
   */
  record ScanLimits(int limit, int perPartitionLimit, dev.ringlet.internal.storage.Clustering resumeAfter, boolean skipFrom,
      dev.ringlet.internal.exec.select.RowFilter filter, List<dev.ringlet.internal.storage.Clustering> names) {
    static final ScanLimits NONE = new ScanLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, null, false, null, null);

    ScanLimits {
      if (limit < 0 || perPartitionLimit < 0) {
        throw new IllegalArgumentException("limits: " + limit + ", " + perPartitionLimit + " (expected: >= 0)");
      }
      names = names == null ? null : List.copyOf(names);
    }
  }

  /** A RANGE_READ's answer, and the tombstones its command scanned on the replica (0: not counted). */
  record RangeAnswer(List<PartitionUpdate> partitions, int tombstones) {
    RangeAnswer {
      partitions = List.copyOf(partitions);
    }

    RangeAnswer(List<PartitionUpdate> partitions) {
      this(partitions, 0);
    }
  }

  /** TRUNCATE. */
  record Truncate(UUID tableId) {}

  /** DROP_COLUMN. */
  record DropColumn(UUID tableId, String column, long timestampMicros) {}

  /** STREAM and REPAIR_VALIDATE: a table's partitions within {@code ranges}. */
  record RangesRequest(UUID tableId, List<dev.ringlet.internal.cluster.TokenRange> ranges) {
    RangesRequest {
      ranges = List.copyOf(ranges);
    }
  }

  /** One partition's digest, for repair. */
  record KeyDigest(DecoratedKey key, long digest) {}

  /** REPAIR_VALIDATE's answer: the digest of every partition in the ranges, in token order. */
  record Validation(List<KeyDigest> digests) {
    Validation {
      digests = List.copyOf(digests);
    }
  }

  /** SCHEMA_PUSH's payload and SCHEMA_PULL's answer. */
  record SchemaSnapshot(long epoch, Schema schema) {}
}
