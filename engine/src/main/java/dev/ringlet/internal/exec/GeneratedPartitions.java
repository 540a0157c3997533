package dev.ringlet.internal.exec;

import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * A generated table's rows as a read-only store assembled from stores that each hold some of its
 * partitions: {@code system_schema.*} is partitioned by keyspace name, so after a DDL statement the
 * unchanged keyspaces' partitions (the system keyspaces' ~800 column rows among them) are reused as
 * they are and only the changed keyspace's are generated again. Generated rows never expire (no
 * TTL, no deletion), so each partition is also kept as read, and a read costs no resolution of its
 * rows. Writes are refused: clients cannot write to these tables, and nothing else does.
 */
final class GeneratedPartitions implements TableStore {

  /** One generated partition: as read (immutable, the same at any time) and as stored. */
  record Partition(LivePartition live, PartitionUpdate raw) {

    /** The partition {@code key} of {@code store}, read once. */
    static Partition of(DecoratedKey key, TableStore store) {
      LivePartition p = store.read(key, 0);
      return new Partition(new LivePartition(key, p.staticRow(), List.copyOf(p.rows())), store.readRaw(key));
    }
  }

  private final NavigableMap<DecoratedKey, Partition> partitions;

  GeneratedPartitions(Map<DecoratedKey, Partition> partitions) {
    this.partitions = new TreeMap<>(partitions);
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    Partition p = partitions.get(key);
    if (p == null) {
      return new LivePartition(key, new LiveRow(Clustering.EMPTY, LivenessInfo.EMPTY, Map.of()), List.of());
    }
    return p.live();
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    Iterator<Partition> it = view(from, inclusive).values().iterator();
    return new Iterator<>() {
      private LivePartition next = advance();

      private LivePartition advance() {
        while (it.hasNext()) {
          LivePartition p = it.next().live();
          if (!p.isEmpty()) {
            return p;
          }
        }
        return null;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public LivePartition next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        LivePartition current = next;
        next = advance();
        return current;
      }
    };
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    Partition p = partitions.get(key);
    return p == null ? null : p.raw();
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    List<PartitionUpdate> out = new ArrayList<>();
    for (Map.Entry<DecoratedKey, Partition> e : view(from, inclusive).entrySet()) {
      PartitionUpdate u = e.getValue().raw();
      if (u != null) {
        out.add(u);
      }
    }
    return out.iterator();
  }

  private NavigableMap<DecoratedKey, Partition> view(DecoratedKey from, boolean inclusive) {
    return from == null ? partitions : partitions.tailMap(from, inclusive);
  }

  @Override
  public void apply(PartitionUpdate update) {
    throw readOnly();
  }

  @Override
  public void truncate() {
    throw readOnly();
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    throw readOnly();
  }

  private static UnsupportedOperationException readOnly() {
    return new UnsupportedOperationException("a generated system table is read-only");
  }
}
