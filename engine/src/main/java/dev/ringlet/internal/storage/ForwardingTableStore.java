package dev.ringlet.internal.storage;

import java.util.Iterator;

/**
 * A {@link TableStore} that hands every call to other stores: reads ({@link #read}, {@link #readSlice},
 * {@link #scan} and their raw forms) to one, changes ({@link #apply}, {@link #truncate},
 * {@link #dropColumn}) to another, usually the same. A wrapper extends it and overrides only what it
 * changes: a counting read, a replicated write, a write that maintains views.
 */
public abstract class ForwardingTableStore implements TableStore {

  /** Where reads go. */
  protected final TableStore reads;
  /** Where writes, truncation and column drops go. */
  protected final TableStore writes;

  /** Forwards everything to {@code delegate}. */
  protected ForwardingTableStore(TableStore delegate) {
    this(delegate, delegate);
  }

  protected ForwardingTableStore(TableStore reads, TableStore writes) {
    this.reads = reads;
    this.writes = writes;
  }

  @Override
  public void apply(PartitionUpdate update) {
    writes.apply(update);
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    return reads.read(key, nowInSeconds);
  }

  @Override
  public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator comparator, long nowInSeconds) {
    return reads.readSlice(key, slice, comparator, nowInSeconds);
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    return reads.scan(from, inclusive, nowInSeconds);
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, RowSlice slice, ClusteringComparator comparator,
      long nowInSeconds) {
    return reads.scan(from, inclusive, slice, comparator, nowInSeconds);
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    return reads.readRaw(key);
  }

  @Override
  public PartitionUpdate readRawSlice(DecoratedKey key, ClusteringComparator.Bound start, ClusteringComparator.Bound end,
      ClusteringComparator comparator) {
    return reads.readRawSlice(key, start, end, comparator);
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    return reads.scanRaw(from, inclusive);
  }

  @Override
  public void truncate() {
    writes.truncate();
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    writes.dropColumn(column, timestampMicros);
  }
}
