package dev.ringlet.internal.trace;

import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.ForwardingTableStore;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.storage.TombstoneCount;
import java.util.function.IntSupplier;

/**
 * A table's store as a traced request reaches it on a replica: records the events 5.0's replica
 * records for a write ({@code Keyspace.applyInternal}: "Appending to commitlog" when the keyspace
 * has durable writes, "Adding to t memtable") and for a single-partition read
 * ({@code SinglePartitionReadCommand}: the query, the SSTable references, the merge, and the live
 * rows and tombstone cells the read scanned, counted as {@link TombstoneCount} counts them for the
 * tombstone thresholds). A store is wrapped only while a trace is current, so untraced requests
 * never pay for it; a traced read counts from the store's raw partition, read once more.
 *
 * <p>A names read ({@link #readRawNames}) records 5.0's names-query events, a range scan
 * ({@link #scanRaw}) its seq scan; the rows and tombstones a scan read are recorded by whoever counts
 * them once the scan stopped (the replica's range handler, or the single node's request tables).
 */
public final class TracedTableStore extends ForwardingTableStore {

  private final Tracer tracer;
  private final String table;
  private final boolean durableWrites;
  private final ClusteringComparator comparator;
  private final IntSupplier sstables;

  /**
   * @param table the table's name (without keyspace), as 5.0 names it in events
   * @param sstables how many SSTables the table has now
   */
  public TracedTableStore(TableStore store, Tracer tracer, String table, boolean durableWrites,
      ClusteringComparator comparator, IntSupplier sstables) {
    super(store);
    this.tracer = tracer;
    this.table = table;
    this.durableWrites = durableWrites;
    this.comparator = comparator;
    this.sstables = sstables;
  }

  @Override
  public void apply(PartitionUpdate update) {
    if (hasIncrements(update)) {
      // this node leads the counter write (a node alone): 5.0's leader events first
      CounterTraces.Lookup lookup = CounterTraces.lookup(update, reads.readRaw(update.key()), CounterTraces::isIncrement,
          cell -> true);
      CounterTraces.trace(tracer, lookup, table, sstables.getAsInt());
    }
    if (durableWrites) {
      tracer.trace("Appending to commitlog");
    }
    tracer.trace("Adding to " + table + " memtable");
    super.apply(update);
  }

  private static boolean hasIncrements(PartitionUpdate update) {
    if (update.staticRow() != null && update.staticRow().cells().values().stream().anyMatch(CounterTraces::isIncrement)) {
      return true;
    }
    for (dev.ringlet.internal.storage.RowUpdate r : update.rows()) {
      for (dev.ringlet.internal.storage.Cell c : r.cells().values()) {
        if (CounterTraces.isIncrement(c)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    beginRead();
    PartitionUpdate raw = reads.readRaw(key);
    endRead(raw, RowSlice.ALL);
    return raw;
  }

  @Override
  public PartitionUpdate readRawSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator sliceComparator) {
    beginRead();
    PartitionUpdate raw = reads.readRawSlice(key, start, end, sliceComparator);
    endRead(raw, RowSlice.between(start, end, false));
    return raw;
  }

  /**
   * A names read ({@code SinglePartitionReadCommand.queryMemtableAndSSTablesInTimestampOrder}):
   * "Merging memtable contents" instead of the slice's SSTable events, and the live rows and
   * tombstone cells of the named rows only.
   */
  @Override
  public PartitionUpdate readRawNames(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator sliceComparator, java.util.List<dev.ringlet.internal.storage.Clustering> names) {
    beginRead();
    PartitionUpdate raw = reads.readRawSlice(key, start, end, sliceComparator);
    tracer.trace("Merging memtable contents");
    int live = 0;
    int tombstones = 0;
    if (raw != null) {
      TombstoneCount.SliceCount c = TombstoneCount.ofNames(raw, names, RowSlice.ALL, comparator, tracer.clock().nowInSeconds());
      live = c.liveRows();
      tombstones = c.tombstones();
    }
    tracer.trace("Read " + live + " live rows and " + tombstones + " tombstone cells");
    return raw;
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    beginRead();
    endRead(reads.readRaw(key), RowSlice.ALL);
    return reads.read(key, nowInSeconds);
  }

  @Override
  public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator sliceComparator, long nowInSeconds) {
    beginRead();
    endRead(reads.readRawSlice(key, slice.start(), slice.end(), comparator), slice);
    return reads.readSlice(key, slice, sliceComparator, nowInSeconds);
  }

  /** A range scan's replica part (5.0's {@code PartitionRangeReadCommand}): the seq scan and its key range. */
  @Override
  public java.util.Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    tracer.trace(RangeTraces.seqScan(sstables.getAsInt(), from, inclusive));
    return reads.scanRaw(from, inclusive);
  }

  private void beginRead() {
    tracer.trace("Executing single-partition query on " + table);
    tracer.trace("Acquiring sstable references");
  }

  private void endRead(PartitionUpdate raw, RowSlice slice) {
    int count = sstables.getAsInt();
    tracer.trace("Skipped 0/" + count + " non-slice-intersecting sstables, included 0 due to tombstones");
    tracer.trace("Merged data from memtables and " + count + " sstables");
    int live = 0;
    int tombstones = 0;
    if (raw != null) {
      TombstoneCount.SliceCount c = TombstoneCount.of(raw, slice, comparator, tracer.clock().nowInSeconds());
      live = c.liveRows();
      tombstones = c.tombstones();
    }
    tracer.trace("Read " + live + " live rows and " + tombstones + " tombstone cells");
  }
}
