package dev.ringlet.internal.coordinator;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.WriteType;
import dev.ringlet.internal.exec.RequestTables;
import dev.ringlet.internal.exec.ScannedTombstones;
import dev.ringlet.internal.exec.TableSource;
import dev.ringlet.internal.exec.ddl.SystemNames;
import dev.ringlet.internal.schema.KeyspaceMetadata;
import dev.ringlet.internal.schema.ReplicationParams;
import dev.ringlet.internal.schema.Schema;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.storage.TableStore;
import java.util.function.Supplier;

/**
 * The tables a request sees on a node of a multi-node cluster. Keyspaces with LocalStrategy (and
 * the generated system tables) are served from the node's own stores; the other system keyspaces
 * ({@code system_auth}, {@code system_distributed}, {@code system_traces}) are kept everywhere:
 * written to every live node, read locally; user keyspaces go through the {@link Coordinator}.
 */
public final class CoordinatedTables implements RequestTables {

  private final Supplier<Schema> schema;
  private final TableSource local;
  private final Coordinator coordinator;
  private final ReadCoordinator reads;
  private final PaxosCoordinator paxos;

  public CoordinatedTables(Supplier<Schema> schema, TableSource local, Coordinator coordinator, PaxosCoordinator paxos) {
    this.schema = schema;
    this.local = local;
    this.coordinator = coordinator;
    this.reads = new ReadCoordinator(coordinator);
    this.paxos = paxos;
  }

  @Override
  public TableSource forRequest(ConsistencyLevel consistency, WriteType writeType) {
    return new Request(consistency, writeType);
  }

  /** The source for schema-wide operations (TRUNCATE, ALTER TABLE DROP): every node. */
  public TableSource everyNode() {
    return table -> store(table, ConsistencyLevel.ALL, WriteType.SIMPLE, null);
  }

  /**
   * One request's tables, counting what the coordinator's own replica scans for each read command
   * ({@link ScannedTombstones}): 5.0 attaches the warning of that replica's count past
   * {@code tombstone_warn_threshold} (a remote replica's, with {@code read_thresholds_enabled: false},
   * its default, only goes to that replica's log); past {@code tombstone_failure_threshold} each
   * replica fails its own read.
   */
  final class Request implements TableSource, ScannedTombstones, ReadCoordinator.OwnScan {

    private final ConsistencyLevel consistency;
    private final WriteType writeType;
    private final ScanCounter counter = new ScanCounter();
    private int scanLimit = Integer.MAX_VALUE;
    private int scanPerPartitionLimit = Integer.MAX_VALUE;
    /** What each replica the current command contacted scanned (tombstones), for tracked warnings. */
    private final java.util.List<Integer> replicaTombstones = new java.util.ArrayList<>();
    /** What the own replica scanned until it gave the current command up, or null. */
    private volatile Scanned ownFailure;
    /** The failure the replicas of the command sent last answer when they fail reading a row, or null. */
    private java.util.function.Supplier<dev.ringlet.internal.cluster.ReadFailureException> rowFailure;

    Request(ConsistencyLevel consistency, WriteType writeType) {
      this.consistency = consistency;
      this.writeType = writeType;
    }

    @Override
    public TableStore store(TableMetadata table) {
      return CoordinatedTables.this.store(table, consistency, writeType, this);
    }

    @Override
    public void readOnly(java.util.List<dev.ringlet.internal.storage.Clustering> names) {
      counter.readOnly(names);
    }

    /** The rows the request's single-partition reads name, or null. */
    java.util.List<dev.ringlet.internal.storage.Clustering> names() {
      return counter.names();
    }

    @Override
    public void resumesAfter(dev.ringlet.internal.storage.DecoratedKey key, dev.ringlet.internal.storage.Clustering clustering) {
      counter.resumesAfter(key, clustering);
    }

    @Override
    public void rowFilter(dev.ringlet.internal.exec.select.RowFilter filter) {
      counter.rowFilter(filter);
    }

    /** The request's row filter, or null. */
    dev.ringlet.internal.exec.select.RowFilter rowFilter() {
      return counter.rowFilter();
    }

    /** The limit of matching rows a filtered read of a named partition stops after. */
    int filteredLimit() {
      return Math.min(scanLimit, scanPerPartitionLimit);
    }

    @Override
    public void scanLimits(int limit, int perPartitionLimit) {
      this.scanLimit = limit;
      this.scanPerPartitionLimit = perPartitionLimit;
    }

    /** Where the request's scan from {@code from} stops scanning, for its replicas' counts. */
    Payloads.ScanLimits scanLimits(dev.ringlet.internal.storage.DecoratedKey from) {
      boolean resumes = from != null && from.equals(counter.resumeKey());
      return new Payloads.ScanLimits(scanLimit, scanPerPartitionLimit, resumes ? counter.resumeAfter() : null,
          resumes && counter.resumeAfter() == null, counter.rowFilter(), counter.names());
    }

    /** The bounds the own replica's version of the partition {@code key} is counted within by a scan. */
    dev.ringlet.internal.storage.RowSlice scanBounds(dev.ringlet.internal.storage.DecoratedKey key,
        dev.ringlet.internal.storage.RowSlice bounds, dev.ringlet.internal.storage.ClusteringComparator comparator) {
      return counter.scanBounds(key, bounds, comparator);
    }

    @Override
    public void stoppedAfter(dev.ringlet.internal.storage.DecoratedKey key, int liveRows) {
      counter.stoppedAfter(key, liveRows);
    }

    @Override
    public Scanned endCommand() {
      ReadThresholds thresholds = coordinator.local.thresholds();
      if (!thresholds.trackWarnings()) {
        return ownFailure != null ? null : counter.endCommand(thresholds.warnTombstones());
      }
      // read_thresholds_enabled: every contacted replica's count, as 5.0's CoordinatorWarnings merges them
      int nodes = 0;
      int most = 0;
      for (int tombstones : replicaTombstones) {
        if (tombstones > thresholds.warnTombstones()) {
          nodes++;
          most = Math.max(most, tombstones);
        }
      }
      replicaTombstones.clear();
      return nodes == 0 ? null : Scanned.tracked(nodes, most);
    }

    @Override
    public Scanned failedCommand() {
      Scanned failed = ownFailure;
      ownFailure = null;
      counter.endCommand(Integer.MAX_VALUE);
      replicaTombstones.clear();
      return failed;
    }

    @Override
    public void failed(Scanned scanned) {
      ownFailure = scanned;
    }

    @Override
    public void contacted(java.util.function.Supplier<dev.ringlet.internal.cluster.ReadFailureException> failure) {
      rowFailure = failure;
    }

    /**
     * 5.0's replicas compute a {@code GROUP BY} query's groups as they read: a function failing on
     * a row fails each replica's read, and the coordinator answers a read failure.
     */
    @Override
    public dev.ringlet.internal.cluster.ReadFailureException commandFailed() {
      return rowFailure == null ? null : rowFailure.get();
    }

    @Override
    public boolean tracksWarnings() {
      return coordinator.local.thresholds().trackWarnings();
    }

    @Override
    public void replicas(java.util.List<Integer> tombstones) {
      replicaTombstones.addAll(tombstones);
    }

    @Override
    public void scanned(dev.ringlet.internal.storage.DecoratedKey key, dev.ringlet.internal.storage.TombstoneCount.SliceCount count) {
      counter.add(key, count);
    }
  }

  private TableStore store(TableMetadata table, ConsistencyLevel consistency, WriteType writeType, Request request) {
    TableStore own = local.store(table);
    KeyspaceMetadata ks = schema.get().keyspace(table.keyspace());
    if (ks == null || ks.replication().strategyClass().equals(ReplicationParams.LOCAL)
        || dev.ringlet.internal.system.SystemKeyspaces.table(table.keyspace(), table.name()) != null) {
      return own;
    }
    if (SystemNames.isSystem(table.keyspace())) {
      return new EverywhereStore(own, table, coordinator);
    }
    ConsistencyLevel readLevel = consistency;
    if (consistency != null && consistency.isSerial() && writeType == WriteType.CAS) {
      // The Paxos round itself reads at the quorum level; this store only serves its writes.
      readLevel = consistency == ConsistencyLevel.SERIAL ? ConsistencyLevel.QUORUM : ConsistencyLevel.LOCAL_QUORUM;
    }
    return new CoordinatedStore(ks, table, own, coordinator, reads, paxos, readLevel, consistency,
        table.counter() && writeType == WriteType.SIMPLE ? WriteType.COUNTER : writeType,
        ReadThresholds.applies(table.keyspace()) ? request : null);
  }
}
