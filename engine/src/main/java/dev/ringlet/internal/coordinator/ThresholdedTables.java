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
import dev.ringlet.internal.storage.ForwardingTableStore;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.NonEmptyPartitions;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TableStore;
import java.net.InetAddress;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

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
  private volatile dev.ringlet.internal.trace.Tracer tracer;
  private volatile List<Long> tokens = List.of();
  private volatile dev.ringlet.internal.exec.LocalPaxos paxos;
  private final dev.ringlet.internal.time.TimestampGenerator timestamps;

  public ThresholdedTables(TableSource local, ReadThresholds thresholds, InetAddress self) {
    this(local, thresholds, self, null);
  }

  /** @param timestamps the node's write timestamps, which a serial read's ballot takes its time from */
  public ThresholdedTables(TableSource local, ReadThresholds thresholds, InetAddress self,
      dev.ringlet.internal.time.TimestampGenerator timestamps) {
    this.timestamps = timestamps;
    this.local = local;
    this.thresholds = thresholds;
    this.self = self;
  }

  /**
   * Makes a traced scan record 5.0's coordinator events (the node is its own coordinator and only
   * replica) and, once the command ends, what its replica read.
   *
   * @param tokens the node's tokens, which split a scan's range as 5.0 splits it
   */
  public ThresholdedTables traceWith(dev.ringlet.internal.trace.Tracer tracer, List<Long> tokens) {
    this.tokens = List.copyOf(tokens);
    this.tracer = tracer;
    return this;
  }

  /** Makes serial reads note, and when traced record, the Paxos round 5.0 runs before them ({@code paxos}). */
  public ThresholdedTables withPaxos(dev.ringlet.internal.exec.LocalPaxos paxos) {
    this.paxos = paxos;
    return this;
  }

  @Override
  public TableSource forRequest(ConsistencyLevel consistency, WriteType writeType) {
    return new Request(consistency, writeType);
  }

  private final class Request implements TableSource, ScannedTombstones {

    private final ConsistencyLevel consistency;
    private final WriteType writeType;
    private final ScanCounter counter = new ScanCounter();
    private int scanLimit = Integer.MAX_VALUE;
    private int scanPerPartitionLimit = Integer.MAX_VALUE;
    /** A traced scan is under way: its replica's read is recorded when the command ends. */
    private boolean tracedScan;
    /** A serial read's Paxos round was run (once per request: 5.0 allows one partition). */
    private boolean serialRound;
    /** The table the request reads (its last), for the row filter's predicates. */
    private TableMetadata table;
    /** What the current command scanned until it gave up past the failure threshold, or null. */
    private Scanned failure;

    Request(ConsistencyLevel consistency, WriteType writeType) {
      this.consistency = consistency;
      this.writeType = writeType;
    }

    @Override
    public TableStore store(TableMetadata table) {
      TableStore own = local.store(table);
      if (!ReadThresholds.applies(table.keyspace())) {
        return own;
      }
      this.table = table;
      return new Counted(own, TableComparators.clustering(table));
    }

    @Override
    public void scanLimits(int limit, int perPartitionLimit) {
      this.scanLimit = limit;
      this.scanPerPartitionLimit = perPartitionLimit;
    }

    @Override
    public void readOnly(List<dev.ringlet.internal.storage.Clustering> names) {
      counter.readOnly(names);
    }

    @Override
    public void resumesAfter(DecoratedKey key, dev.ringlet.internal.storage.Clustering clustering) {
      counter.resumesAfter(key, clustering);
    }

    @Override
    public void rowFilter(dev.ringlet.internal.exec.select.RowFilter filter) {
      counter.rowFilter(filter);
    }

    @Override
    public void stoppedAfter(DecoratedKey key, int rows) {
      counter.stoppedAfter(key, rows);
    }

    @Override
    public Scanned endCommand() {
      if (tracedScan) {
        // 5.0's replica, once its seq scan stopped: what it read
        tracedScan = false;
        tracer.trace("Read " + counter.liveRows() + " live rows and " + counter.tombstones() + " tombstone cells");
      }
      if (failure != null) {
        return null; // the command failed: its count is the failure's (failedCommand)
      }
      Scanned own = counter.endCommand(thresholds.warnTombstones());
      // read_thresholds_enabled: the one replica's count, reported as 5.0's coordinator aggregates it
      return own == null || !thresholds.trackWarnings() ? own : Scanned.tracked(1, own.tombstones());
    }

    @Override
    public Scanned failedCommand() {
      Scanned failed = failure;
      failure = null;
      counter.endCommand(Integer.MAX_VALUE);
      return failed;
    }

    @Override
    public boolean tracksWarnings() {
      return thresholds.trackWarnings();
    }

    /** Counts one partition read; gives up the read past the failure threshold, as Cassandra's replica does. */
    private void scanned(PartitionUpdate raw, RowSlice slice, ClusteringComparator comparator, long nowInSeconds) {
      scanned(raw, slice, null, comparator, nowInSeconds);
    }

    private void scanned(PartitionUpdate raw, RowSlice slice, List<dev.ringlet.internal.storage.Clustering> names,
        ClusteringComparator comparator, long nowInSeconds) {
      int before = counter.tombstones();
      int liveBefore = counter.liveRows();
      dev.ringlet.internal.exec.select.RowFilter.Rows filterRows = filterRows();
      dev.ringlet.internal.storage.TombstoneCount.SliceCount count = add(raw, slice, names, filterRows, comparator,
          nowInSeconds);
      int tombstones = counter.tombstones();
      if (raw != null && filterRows != null) {
        // The read applies the row filter: it stops right after the row that fills its limit of
        // matching rows (the executor stops there as well, and trims the count that far).
        int limit = Math.min(scanLimit, scanPerPartitionLimit);
        tombstones = before + FilteredScan.count(filterRows, raw, slice.withLimit(limit), names, comparator, nowInSeconds)
            .counts().tombstones();
      }
      if (raw != null) {
        fail(tombstones, raw.key(), liveBefore + (count == null ? 0 : count.liveRowsWithin(thresholds.failTombstones() - before)));
      }
    }

    /**
     * Adds to the command's count what reading {@code slice} of {@code raw} (or only the named rows)
     * scans; for a command an index serves, only the rows the index finds. Returns that count (null:
     * nothing read).
     */
    private dev.ringlet.internal.storage.TombstoneCount.SliceCount add(PartitionUpdate raw, RowSlice slice,
        List<dev.ringlet.internal.storage.Clustering> names, dev.ringlet.internal.exec.select.RowFilter.Rows filterRows,
        ClusteringComparator comparator, long nowInSeconds) {
      if (raw == null) {
        counter.add(null, null);
        return null;
      }
      if (filterRows == null || !filterRows.indexed()) {
        dev.ringlet.internal.storage.TombstoneCount.SliceCount count = ScanCounter.count(raw, slice, names, comparator,
            nowInSeconds);
        counter.add(raw.key(), count);
        return count;
      }
      FilteredScan.Indexed read = FilteredScan.indexed(filterRows, raw, slice, names, comparator, nowInSeconds);
      counter.add(read == null ? null : raw.key(), read == null ? null : read.count(), read == null ? null : read.hitsUpTo());
      return read == null ? null : read.count();
    }

    /** The row filter's predicates on the table read, or null when the commands do not filter rows. */
    private dev.ringlet.internal.exec.select.RowFilter.Rows filterRows() {
      dev.ringlet.internal.exec.select.RowFilter filter = counter.rowFilter();
      return filter != null && filter.filtersRows() && table != null ? filter.on(table) : null;
    }

    /**
     * Gives up the read past the failure threshold, as Cassandra's replica does, having read
     * {@code liveRows} live rows, last in the partition {@code key}.
     */
    private void fail(int tombstones, DecoratedKey key, int liveRows) {
      if (tombstones > thresholds.failTombstones()) {
        // Cassandra throws at the first tombstone past the threshold: that is the count it reports.
        int reported = thresholds.failTombstones() + 1;
        failure = new Scanned(liveRows, reported, key.token());
        Map<InetAddress, FailureReason> reasons = Map.of(self, FailureReason.READ_TOO_MANY_TOMBSTONES);
        throw new ReadFailureException(ReadFailureException.operationFailed(0, reasons),
            consistency == null ? ConsistencyLevel.ONE : consistency, 0, 1, false, reasons, reported);
      }
    }

    /** One node's replica failed the read command: one required response, none received, one failure. */
    @Override
    public ReadFailureException commandFailed() {
      Map<InetAddress, FailureReason> reasons = Map.of(self, FailureReason.UNKNOWN);
      return new ReadFailureException(ReadFailureException.operationFailed(0, reasons),
          consistency == null ? ConsistencyLevel.ONE : consistency, 0, 1, false, reasons, -1);
    }

    /** 5.0's coordinator events of a scan on one node, when the request is traced: its ranges, all on this node. */
    private void traceScan(DecoratedKey from) {
      dev.ringlet.internal.trace.Tracer t = tracer;
      if (t == null || t.current() == null || table == null) {
        return;
      }
      t.trace("Computing ranges to query");
      int ranges = dev.ringlet.internal.trace.RangeTraces.ranges(tokens, from);
      float rows = dev.ringlet.internal.trace.RangeTraces.rowsPerRange(t.sstablePartitions(table.id()), tokens.size(), 1);
      t.trace(dev.ringlet.internal.trace.RangeTraces.submitting(ranges,
          dev.ringlet.internal.trace.RangeTraces.concurrency(ranges, scanLimit, rows), rows));
      // every range has this node as its replica: 5.0 merges them into one request
      t.trace(dev.ringlet.internal.trace.RangeTraces.submitted(1));
      tracedScan = true;
    }

    /** One table's store as this request reads it: each read counts what it scans of the stored partition. */
    private final class Counted extends ForwardingTableStore {

      private final ClusteringComparator comparator;

      Counted(TableStore own, ClusteringComparator comparator) {
        super(own);
        this.comparator = comparator;
      }

      /** A serial read (not a conditional write's, which reads at the serial level too): 5.0's Paxos round first. */
      private void beforeRead(DecoratedKey key) {
        dev.ringlet.internal.exec.LocalPaxos p = paxos;
        if (p != null && consistency != null && consistency.isSerial() && writeType != WriteType.CAS && !serialRound) {
          serialRound = true;
          p.serialRead(table, key, timestamps.next());
        }
      }

      @Override
      public LivePartition read(DecoratedKey key, long nowInSeconds) {
        beforeRead(key);
        PartitionUpdate raw = reads.readRaw(key);
        scanned(raw, RowSlice.ALL, comparator, nowInSeconds);
        return raw == null ? PartitionMerge.empty(key) : PartitionMerge.resolve(comparator, key, List.of(raw), nowInSeconds);
      }

      /**
       * Counts the slice of the stored partition (its bounds, direction and limit) on the store's
       * raw read of only that slice, then resolves the query's rows from that same raw read: the
       * counting walks the stored rows without building them, the resolution materialises only what
       * the slice selects, and the store is read once (a second read would look the partition up
       * again in each memtable and read each SSTable again).
       */
      @Override
      public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator sliceComparator,
          long nowInSeconds) {
        beforeRead(key);
        PartitionUpdate raw = counter.names() == null ? reads.readRawSlice(key, slice.start(), slice.end(), comparator)
            : reads.readRawNames(key, slice.start(), slice.end(), comparator, counter.names());
        scanned(raw, slice, counter.names(), comparator, nowInSeconds);
        return raw == null ? PartitionMerge.empty(key)
            : PartitionMerge.resolveStored(comparator, key, List.of(raw), slice, nowInSeconds);
      }

      @Override
      public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
        return scan(from, inclusive, RowSlice.ALL, comparator, nowInSeconds);
      }

      @Override
      public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, RowSlice slice,
          ClusteringComparator sliceComparator, long nowInSeconds) {
        traceScan(from);
        Iterator<PartitionUpdate> raw = reads.scanRaw(from, inclusive);
        RowSlice bounds = slice.forward();
        int[] remaining = {scanLimit};
        // The executor tells the row filter and limits after asking for the scan, before taking its partitions.
        dev.ringlet.internal.exec.select.RowFilter.Rows[] rows = new dev.ringlet.internal.exec.select.RowFilter.Rows[1];
        boolean[] started = {false};
        return NonEmptyPartitions.of(() -> raw, (PartitionUpdate p) -> {
          if (!started[0]) {
            started[0] = true;
            rows[0] = filterRows();
            remaining[0] = scanLimit;
          }
          dev.ringlet.internal.exec.select.RowFilter.Rows filterRows = rows[0];
          RowSlice counted = counter.scanBounds(p.key(), bounds, comparator);
          if (counted != null && filterRows == null) {
            scanned(p, counted, counter.names(), comparator, nowInSeconds);
          } else if (counted != null && remaining[0] > 0) {
            // A filtered scan counts every row it walks, up to the one that fills its limits of matching rows.
            int before = counter.tombstones();
            add(p, counted, counter.names(), filterRows, comparator, nowInSeconds);
            FilteredScan.Result result = FilteredScan.count(filterRows, p, counted.withLimit(Math.min(remaining[0],
                scanPerPartitionLimit)), counter.names(), comparator, nowInSeconds);
            remaining[0] -= result.matched();
            fail(before + result.counts().tombstones(), p.key(), counter.liveRows());
          }
          // a scan naming its rows (every clustering column restricted by = or IN) reads only those
          PartitionUpdate read = counter.names() == null ? p
              : dev.ringlet.internal.storage.TombstoneCount.named(p, counter.names(), comparator);
          return PartitionMerge.resolve(comparator, p.key(), List.of(read), bounds, nowInSeconds);
        });
      }
    }
  }
}
