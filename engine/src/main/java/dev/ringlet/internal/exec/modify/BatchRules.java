package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** What Cassandra refuses in a batch, and the warnings it attaches to large or scattered ones. */
final class BatchRules {

  private BatchRules() {}

  /**
   * 5.0's checks, in its order: each conditional statement's own timestamp (refused when the
   * statement is prepared), then {@code BatchStatement.validate()}: the batch's timestamp with
   * conditions or as a counter batch, timestamps on both the batch and a statement, the batch's
   * timestamp with counters, counter and other statements mixed, and a conditional batch's tables.
   */
  static void check(BatchType type, List<ModificationStatement> statements, boolean batchTimestamp) {
    boolean conditions = false;
    for (ModificationStatement s : statements) {
      if (s.condition() != ModificationStatement.ConditionKind.NONE) {
        conditions = true;
        if (s.hasUsingTimestamp()) {
          throw CqlException.invalid("Cannot provide custom timestamp for conditional updates");
        }
      }
    }
    if (batchTimestamp && conditions) {
      throw CqlException.invalid("Cannot provide custom timestamp for conditional BATCH");
    }
    if (batchTimestamp && type == BatchType.COUNTER) {
      throw CqlException.invalid("Cannot provide custom timestamp for counter BATCH");
    }
    boolean counters = false;
    boolean others = false;
    for (ModificationStatement s : statements) {
      if (batchTimestamp && s.hasUsingTimestamp()) {
        throw CqlException.invalid("Timestamp must be set either on BATCH or individual statements");
      }
      if (s.table().counter()) {
        counters = true;
      } else {
        others = true;
      }
    }
    if (batchTimestamp && counters) {
      throw CqlException.invalid("Cannot provide custom timestamp for a BATCH containing counters");
    }
    if (type == BatchType.COUNTER && others) {
      throw CqlException.invalid("Cannot include non-counter statement in a counter batch");
    }
    if (counters && others) {
      throw CqlException.invalid("Counter and non-counter mutations cannot exist in the same batch");
    }
    if (type == BatchType.LOGGED && counters) {
      throw CqlException.invalid("Cannot include a counter statement in a logged batch");
    }
    if (conditions) {
      for (ModificationStatement s : statements) {
        if (!s.table().id().equals(statements.get(0).table().id())) {
          throw CqlException.invalid("Batch with conditions cannot span multiple tables");
        }
      }
    }
  }

  /**
   * The size and "unlogged across partitions" warnings; a batch over the fail threshold is refused.
   * As in 5.0, both apply only to a batch of more than one mutation (one per keyspace and partition
   * key, whatever the tables), and the table names are listed in the order of a {@code HashSet}.
   */
  static List<String> warnings(BatchType type, Map<UUID, List<PartitionUpdate>> updates, Map<UUID, TableMetadata> tables) {
    Set<List<Object>> mutations = new HashSet<>();
    Set<DecoratedKey> keys = new HashSet<>();
    Set<String> names = new HashSet<>();
    long size = 0;
    for (Map.Entry<UUID, List<PartitionUpdate>> e : updates.entrySet()) {
      TableMetadata t = tables.get(e.getKey());
      names.add(t.keyspace() + "." + t.name());
      for (PartitionUpdate u : e.getValue()) {
        mutations.add(List.of(t.keyspace(), u.key()));
        keys.add(u.key());
        size += dataSize(u);
      }
    }
    List<String> warnings = new ArrayList<>();
    if (mutations.size() <= 1) {
      return warnings;
    }
    if (size > WriteExecutor.BATCH_SIZE_FAIL) {
      throw CqlException.invalid("Batch too large");
    }
    if (size > WriteExecutor.BATCH_SIZE_WARN) {
      warnings.add("Batch for " + names + " is of size " + size + ", exceeding specified threshold of "
          + WriteExecutor.BATCH_SIZE_WARN + " by " + (size - WriteExecutor.BATCH_SIZE_WARN) + ".");
    }
    if (type != BatchType.LOGGED && keys.size() > WriteExecutor.UNLOGGED_PARTITIONS_WARN) {
      warnings.add("Unlogged batch covering " + keys.size() + " partitions detected against "
          + (names.size() == 1 ? "table " : "tables ") + names
          + ". You should use a logged batch for atomicity, or asynchronous writes for performance.");
    }
    return warnings;
  }

  /**
   * The in-memory size Cassandra 5.0's batch thresholds measure ({@code PartitionUpdate.dataSize()}):
   * per partition the deletion's timestamp (8), its range tombstones (4, then per range both bounds'
   * values, 8 and 4), and the static row even when untouched; per row its clustering values, liveness
   * (8, or 20 with a TTL) and deletion (13); per cell timestamp, TTL and local deletion time (20) plus
   * its value and, for a collection element, its path; per non-frozen collection or UDT column 12 for
   * its deletion.
   */
  static long dataSize(PartitionUpdate u) {
    long size = 8;
    if (!u.rangeTombstones().isEmpty()) {
      size += 4;
      for (RangeTombstone rt : u.rangeTombstones()) {
        size += valuesSize(rt.start().prefix().values()) + valuesSize(rt.end().prefix().values()) + 8 + 4;
      }
    }
    size += rowSize(u.staticRow());
    for (RowUpdate r : u.rows()) {
      size += rowSize(r);
    }
    return size;
  }

  private static long rowSize(RowUpdate r) {
    if (r == null) {
      return 8 + 13; // Rows.EMPTY_STATIC_ROW: empty liveness and deletion
    }
    long size = valuesSize(r.clustering().values()) + (r.liveness().isExpiring() ? 20 : 8) + 13;
    for (Cell c : r.cells().values()) {
      size += cellSize(c, null);
    }
    for (ComplexColumn cc : r.complex().values()) {
      size += 12;
      for (Map.Entry<ByteBuffer, Cell> e : cc.cells().entrySet()) {
        size += cellSize(e.getValue(), e.getKey());
      }
    }
    return size;
  }

  private static long cellSize(Cell c, ByteBuffer path) {
    return 20 + (c.value() == null ? 0 : c.value().remaining()) + (path == null ? 0 : path.remaining());
  }

  private static long valuesSize(List<ByteBuffer> values) {
    long size = 0;
    for (ByteBuffer b : values) {
      size += b == null ? 0 : b.remaining();
    }
    return size;
  }
}
