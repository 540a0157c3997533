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
   */
  record Read(UUID tableId, DecoratedKey key, boolean digestOnly, ClusteringComparator.Bound start, ClusteringComparator.Bound end) {
    Read {
      if ((start == null) != (end == null)) {
        throw new IllegalArgumentException("bounds: " + start + ", " + end + " (expected: both or neither)");
      }
    }

    /** A read of the whole partition. */
    Read(UUID tableId, DecoratedKey key, boolean digestOnly) {
      this(tableId, key, digestOnly, null, null);
    }

    boolean sliced() {
      return start != null;
    }
  }

  /**
   * A READ's answer: {@code data} (null when the replica has nothing, or for a digest) and the
   * digest of what it has.
   */
  record ReadAnswer(PartitionUpdate data, long digest, boolean digestOnly) {}

  /** RANGE_READ: every partition from {@code from} (all when null) as stored. */
  record RangeRead(UUID tableId, DecoratedKey from, boolean inclusive) {}

  record RangeAnswer(List<PartitionUpdate> partitions) {
    RangeAnswer {
      partitions = List.copyOf(partitions);
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
