package dev.ringlet.internal.storage;

import dev.ringlet.internal.storage.commitlog.CommitLogOptions;
import dev.ringlet.internal.time.Clock;
import java.nio.file.Path;

/**
 * How a node stores data.
 *
 * @param directory the node's own data directory (tables under {@code data/}, the commit log under
 *     {@code commitlog/}), or null for the in-memory mode: no files, no commit log, and memtables
 *     flushed past the threshold into compressed SSTable images on the heap
 * @param sync the commit log's sync mode (durable mode only)
 * @param memtableThresholdBytes a table's memtable is flushed once its estimated heap use passes this
 * @param autoCompaction whether flushes trigger background compactions (tests may turn it off and
 *     compact by hand)
 * @param clock TTL expiry and gc grace
 */
public record StorageConfig(Path directory, CommitLogOptions.Sync sync, long memtableThresholdBytes, boolean autoCompaction,
    Clock clock) {

  /** The default threshold: a sixteenth of the maximum heap, between 4 and 128 MiB. */
  public static long defaultMemtableThreshold() {
    long heap = Runtime.getRuntime().maxMemory();
    return Math.max(4L << 20, Math.min(128L << 20, heap / 16));
  }

  public static StorageConfig inMemory(Clock clock) {
    return new StorageConfig(null, CommitLogOptions.Sync.PERIODIC, defaultMemtableThreshold(), true, clock);
  }

  public static StorageConfig durable(Path directory, CommitLogOptions.Sync sync, Clock clock) {
    return new StorageConfig(directory, sync, defaultMemtableThreshold(), true, clock);
  }

  public boolean durable() {
    return directory != null;
  }

  public StorageConfig withMemtableThreshold(long bytes) {
    return new StorageConfig(directory, sync, bytes, autoCompaction, clock);
  }

  public StorageConfig withAutoCompaction(boolean enabled) {
    return new StorageConfig(directory, sync, memtableThresholdBytes, enabled, clock);
  }
}
