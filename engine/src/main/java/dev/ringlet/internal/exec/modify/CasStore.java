package dev.ringlet.internal.exec.modify;

import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.TableStore;
import java.util.Iterator;

/** A conditional write's view of a table: reads at the serial level, writes at the commit level. */
final class CasStore implements TableStore {

  private final TableStore read;
  private final TableStore commit;

  CasStore(TableStore read, TableStore commit) {
    this.read = read;
    this.commit = commit;
  }

  @Override
  public void apply(PartitionUpdate update) {
    commit.apply(update);
  }

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    return read.read(key, nowInSeconds);
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    return read.scan(from, inclusive, nowInSeconds);
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    return read.readRaw(key);
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    return read.scanRaw(from, inclusive);
  }

  @Override
  public void truncate() {
    commit.truncate();
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    commit.dropColumn(column, timestampMicros);
  }
}
