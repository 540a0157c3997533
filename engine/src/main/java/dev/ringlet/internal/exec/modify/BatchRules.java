package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/** What Cassandra refuses in a batch, and the warnings it attaches to large or scattered ones. */
final class BatchRules {

  private BatchRules() {}

  static void check(BatchType type, List<ModificationStatement> statements, boolean batchTimestamp) {
    boolean counters = false;
    boolean others = false;
    for (ModificationStatement s : statements) {
      if (s.table().counter()) {
        counters = true;
      } else {
        others = true;
      }
      if (batchTimestamp && s.hasUsingTimestamp()) {
        throw CqlException.invalid("Timestamp must be set either on BATCH or individual statements");
      }
    }
    if (type == BatchType.LOGGED && counters) {
      throw CqlException.invalid("Cannot include a counter statement in a logged batch");
    }
    if (type == BatchType.COUNTER && others) {
      throw CqlException.invalid("Cannot include non-counter statement in a counter batch");
    }
    if (counters && others) {
      throw CqlException.invalid("Counter and non-counter mutations cannot exist in the same batch");
    }
  }

  /** The size and "unlogged across partitions" warnings; a batch over the fail threshold is refused. */
  static List<String> warnings(BatchType type, Map<UUID, List<PartitionUpdate>> updates, Map<UUID, TableMetadata> tables) {
    int partitions = updates.values().stream().mapToInt(List::size).sum();
    List<String> warnings = new ArrayList<>();
    if (partitions <= 1) {
      return warnings;
    }
    TreeSet<String> names = new TreeSet<>();
    long size = 0;
    for (Map.Entry<UUID, List<PartitionUpdate>> e : updates.entrySet()) {
      TableMetadata t = tables.get(e.getKey());
      names.add(t.keyspace() + "." + t.name());
      for (PartitionUpdate u : e.getValue()) {
        size += dataSize(u);
      }
    }
    if (size > WriteExecutor.BATCH_SIZE_FAIL) {
      throw CqlException.invalid("Batch too large");
    }
    if (size > WriteExecutor.BATCH_SIZE_WARN) {
      warnings.add("Batch for " + names + " is of size " + size + ", exceeding specified threshold of "
          + WriteExecutor.BATCH_SIZE_WARN + " by " + (size - WriteExecutor.BATCH_SIZE_WARN) + ".");
    }
    if (type != BatchType.LOGGED && partitions > WriteExecutor.UNLOGGED_PARTITIONS_WARN) {
      warnings.add("Unlogged batch covering " + partitions + " partitions detected against "
          + (names.size() == 1 ? "table " : "tables ") + names
          + ". You should use a logged batch for atomicity, or asynchronous writes for performance.");
    }
    return warnings;
  }

  /**
   * The in-memory size Cassandra's batch thresholds measure: per partition its deletion info (8)
   * and static row, per row clustering values, liveness (8, +8 with a TTL), deletion (12), and per
   * cell timestamp, TTL and deletion time (16) plus the value.
   */
  static long dataSize(PartitionUpdate u) {
    long size = 8 + rowSize(u.staticRow());
    for (RowUpdate r : u.rows()) {
      size += rowSize(r);
    }
    return size;
  }

  private static long rowSize(RowUpdate r) {
    if (r == null) {
      return 20;
    }
    long size = 20 + (r.liveness().isExpiring() ? 8 : 0);
    for (ByteBuffer b : r.clustering().values()) {
      size += b.remaining();
    }
    for (Cell c : r.cells().values()) {
      size += 16 + (c.value() == null ? 0 : c.value().remaining());
    }
    return size;
  }
}
