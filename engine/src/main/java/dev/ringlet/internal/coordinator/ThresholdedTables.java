package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.FailureReason;
import dev.ringlet.internal.cluster.ReadFailureException;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.RequestTables;
import dev.ringlet.internal.exec.ScannedTombstones;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The tables of a single node, its own replica read with Cassandra's tombstone thresholds: each
 * request gets a source that counts the tombstones its reads scan (from the stored partitions, then
 * resolved as the store itself resolves them), fails past {@code tombstone_failure_threshold} with
 * the READ_FAILURE a one-replica read gets in Cassandra, and reports a count past
 * {@code tombstone_warn_threshold} ({@link ScannedTombstones}). Writes, raw reads and system
 * keyspaces go straight to the node's stores.
 */
public final class ThresholdedTables implements RequestTables {

  private final TableSource local;
  private final ReadThresholds thresholds;
  private final InetAddress self;

  public ThresholdedTables(TableSource local, ReadThresholds thresholds, InetAddress self) {
    this.local = local;
    this.thresholds = thresholds;
    this.self = self;
  }

  @Override
  public TableSource forRequest(ConsistencyLevel consistency, WriteType writeType) {
    return new Request(consistency);
  }

  private final class Request implements TableSource, ScannedTombstones {

    private final ConsistencyLevel consistency;
    private final TombstoneGuard guard = new TombstoneGuard(thresholds);

    Request(ConsistencyLevel consistency) {
      this.consistency = consistency;
    }

    @Override
    public TableStore store(TableMetadata table) {
      TableStore own = local.store(table);
      return ReadThresholds.applies(table.keyspace()) ? new Counted(own, TableComparators.clustering(table)) : own;
    }

    @Override
    public boolean overWarnThreshold() {
      return guard.overWarnThreshold();
    }

    @Override
    public int liveRows() {
      return guard.liveRows();
    }

    @Override
    public int tombstones() {
      return guard.tombstones();
    }

    @Override
    public long lastToken() {
      return guard.lastToken();
    }

    private PartitionUpdate scanned(PartitionUpdate raw, ClusteringComparator comparator, long nowInSeconds) {
      try {
        guard.scanned(raw, comparator, nowInSeconds);
        return raw;
      } catch (TombstoneOverwhelmingException e) {
        Map<InetAddress, FailureReason> reasons = Map.of(self, FailureReason.READ_TOO_MANY_TOMBSTONES);
        throw new ReadFailureException(ReadFailureException.operationFailed(0, reasons),
            consistency == null ? ConsistencyLevel.ONE : consistency, 0, 1, false, reasons, e.tombstones());
      }
    }

    /** One table's store as this request reads it. */
    private final class Counted implements TableStore {

      private final TableStore own;
      private final ClusteringComparator comparator;

      Counted(TableStore own, ClusteringComparator comparator) {
        this.own = own;
        this.comparator = comparator;
      }

      @Override
      public LivePartition read(DecoratedKey key, long nowInSeconds) {
        PartitionUpdate raw = scanned(own.readRaw(key), comparator, nowInSeconds);
        return raw == null ? PartitionMerge.empty(key) : PartitionMerge.resolve(comparator, key, List.of(raw), nowInSeconds);
      }

      /**
       * Counts the whole partition's tombstones (as {@link #read}), then lets the store read only the
       * slice: the counting walks the stored rows without building them, the store's slice read
       * materialises only what the query returns.
       */
      @Override
      public LivePartition readSlice(DecoratedKey key, dev.ringlet.internal.storage.RowSlice slice,
          ClusteringComparator sliceComparator, long nowInSeconds) {
        if (scanned(own.readRaw(key), comparator, nowInSeconds) == null) {
          return PartitionMerge.empty(key);
        }
        return own.readSlice(key, slice, sliceComparator, nowInSeconds);
      }

      @Override
      public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
        Iterator<PartitionUpdate> raw = own.scanRaw(from, inclusive);
        return new Iterator<>() {
          private LivePartition next;

          @Override
          public boolean hasNext() {
            while (next == null && raw.hasNext()) {
              PartitionUpdate p = scanned(raw.next(), comparator, nowInSeconds);
              LivePartition resolved = PartitionMerge.resolve(comparator, p.key(), List.of(p), nowInSeconds);
              if (!resolved.isEmpty()) {
                next = resolved;
              }
            }
            return next != null;
          }

          @Override
          public LivePartition next() {
            if (!hasNext()) {
              throw new NoSuchElementException();
            }
            LivePartition out = next;
            next = null;
            return out;
          }
        };
      }

      @Override
      public void apply(PartitionUpdate update) {
        own.apply(update);
      }

      @Override
      public PartitionUpdate readRaw(DecoratedKey key) {
        return own.readRaw(key);
      }

      @Override
      public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
        return own.scanRaw(from, inclusive);
      }

      @Override
      public void truncate() {
        own.truncate();
      }

      @Override
      public void dropColumn(String column, long timestampMicros) {
        own.dropColumn(column, timestampMicros);
      }
    }
  }
}
