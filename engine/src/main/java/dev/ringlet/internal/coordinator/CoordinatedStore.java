package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.messaging.Verb;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.NonEmptyPartitions;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TableStore;
import java.util.Iterator;
import java.util.List;

/**
 * One table as one request sees it across the cluster: {@link #apply} is a coordinated write,
 * {@link #read} and {@link #scan} coordinated reads at the request's level; the live views are
 * computed from the reconciled partitions exactly as a single node computes them.
 */
final class CoordinatedStore implements TableStore {

  private final KeyspaceMetadata ks;
  private final TableMetadata table;
  private final TableStore own;
  private final Coordinator coordinator;
  private final ReadCoordinator reads;
  private final PaxosCoordinator paxos;
  private final ConsistencyLevel readLevel;
  private final ConsistencyLevel writeLevel;
  private final WriteType writeType;
  /** Counts what the coordinator's own replica scans for the request's reads; null: nothing counted. */
  private final CoordinatedTables.Request scans;
  private ClusteringComparator comparator;

  CoordinatedStore(KeyspaceMetadata ks, TableMetadata table, TableStore own, Coordinator coordinator, ReadCoordinator reads,
      PaxosCoordinator paxos, ConsistencyLevel readLevel, ConsistencyLevel writeLevel, WriteType writeType,
      CoordinatedTables.Request scans) {
    this.scans = scans;
    this.paxos = paxos;
    this.ks = ks;
    this.table = table;
    this.own = own;
    this.coordinator = coordinator;
    this.reads = reads;
    this.readLevel = readLevel;
    this.writeLevel = writeLevel;
    this.writeType = writeType;
  }

  @Override
  public void apply(PartitionUpdate update) {
    coordinator.write(ks, table, update, writeLevel, writeType);
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    PartitionUpdate raw = readRaw(key);
    return raw == null ? PartitionMerge.empty(key) : PartitionMerge.resolve(comparator(), key, List.of(raw), nowInSeconds);
  }

  /**
   * Replicas send (and digest) only the rows between the slice's bounds, with the partition's
   * deletions and static row; the reconciled answer is resolved for the slice. Serial reads go
   * through Paxos, which reads whole partitions.
   */
  @Override
  public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator sliceComparator, long nowInSeconds) {
    PartitionUpdate raw;
    if (readLevel != null && readLevel.isSerial()) {
      raw = paxos.serialRead(table, key, readLevel);
    } else {
      // The replicas count what this command scans: its slice, walk and limit, or only the named rows.
      // With a row filter, the limit counts only the rows that pass it, on the replicas too.
      dev.ringlet.internal.exec.select.RowFilter filter = scans == null ? null : scans.rowFilter();
      int limit = filter == null ? slice.limit() : Math.min(slice.limit(), scans.filteredLimit());
      Payloads.Read command = new Payloads.Read(table.id(), key, false, slice.start(), slice.end(), slice.reversed(),
          limit, scans == null ? null : scans.names(), filter, slice.parts());
      raw = reads.read(ks, table, command, readLevel, scans);
    }
    return raw == null ? PartitionMerge.empty(key) : PartitionMerge.resolve(comparator(), key, List.of(raw), slice, nowInSeconds);
  }

  @Override
  public PartitionUpdate readRawSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator ignored) {
    if (readLevel != null && readLevel.isSerial()) {
      return TableStore.super.readRawSlice(key, start, end, comparator());
    }
    return reads.read(ks, table, key, readLevel, start, end);
  }

  private ClusteringComparator comparator() {
    ClusteringComparator c = comparator;
    if (c == null) {
      c = TableComparators.clustering(table);
      comparator = c;
    }
    return c;
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    refuseSerialRange();
    MemoryTableStore view = new MemoryTableStore(TableComparators.clustering(table));
    for (PartitionUpdate p : reads.range(ks, table, from, inclusive, readLevel)) {
      view.apply(p);
    }
    return view.scan(from, inclusive, nowInSeconds);
  }

  /**
   * Replicas count the tombstones of each partition between the slice's bounds; as the executor
   * takes the partitions, the coordinator's own replica's version of each is counted for the
   * request's warning (a scan the executor stops early has counted no further).
   */
  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, RowSlice slice, ClusteringComparator sliceComparator,
      long nowInSeconds) {
    refuseSerialRange();
    RowSlice bounds = slice.forward();
    ClusteringComparator c = comparator();
    // The range read is sent when the executor first asks, once it has said where its scan stops.
    ReadCoordinator.RangeResult[] result = new ReadCoordinator.RangeResult[1];
    return NonEmptyPartitions.of(() -> {
      result[0] = reads.range(ks, table, new Payloads.RangeRead(table.id(), from, inclusive, slice.start(), slice.end(),
          scans == null ? Payloads.ScanLimits.NONE : scans.scanLimits(from), slice.parts()), readLevel, scans);
      if (scans != null) {
        scans.replicas(result[0].replicaTombstones());
      }
      return result[0].reconciled().iterator();
    }, (PartitionUpdate p) -> {
      RowSlice counted = scans == null ? null : scans.scanBounds(p.key(), bounds, c);
      if (counted != null) {
        PartitionUpdate mine = result[0].own().get(p.key());
        scans.scanned(mine == null ? null : p.key(),
            mine == null ? null : ScanCounter.count(mine, counted, scans.names(), c, nowInSeconds));
      }
      return PartitionMerge.resolve(c, p.key(), List.of(p), bounds, nowInSeconds);
    });
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    if (readLevel != null && readLevel.isSerial()) {
      return paxos.serialRead(table, key, readLevel);
    }
    return reads.read(ks, table, key, readLevel);
  }

  private void refuseSerialRange() {
    if (readLevel != null && readLevel.isSerial()) {
      throw dev.ringlet.internal.error.CqlException.invalid(
          "SERIAL/LOCAL_SERIAL consistency may only be requested for one partition at a time");
    }
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    refuseSerialRange();
    List<PartitionUpdate> all = reads.range(ks, table, from, inclusive, readLevel);
    return all.iterator();
  }

  @Override
  public void truncate() {
    coordinator.everyNode(Verb.TRUNCATE, new Payloads.Truncate(table.id()), own::truncate, coordinator.timeouts.truncate());
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    own.dropColumn(column, timestampMicros);
    for (java.util.UUID node : coordinator.ring.get().endpoints().keySet()) {
      if (!node.equals(coordinator.self.hostId())) {
        coordinator.messaging.tell(node, Verb.DROP_COLUMN, new Payloads.DropColumn(table.id(), column, timestampMicros));
      }
    }
  }
}
