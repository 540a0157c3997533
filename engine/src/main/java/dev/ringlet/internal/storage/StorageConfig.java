package dev.ringlet.internal.storage;

import dev.ringlet.internal.storage.commitlog.CommitLogOptions;
import dev.ringlet.internal.storage.sstable.ChunkCache;
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
 * @param clock TTL expiry and gc grace; with {@code clockDrivenSync}, also when PERIODIC syncs happen
 * @param clockDrivenSync PERIODIC sync runs from {@link Storage#tick} when the clock has passed the
 *     period, not from a thread (a cluster on a manual clock)
 * @param commitFailurePolicy what a failed commit-log write does ({@code commit_failure_policy}, default stop)
 * @param diskFailurePolicy what a failed SSTable write does ({@code disk_failure_policy}, default stop)
 * @param disk the file-system seam (where tests inject failures)
 * @param chunkCacheBytes the budget of the node's cache of decompressed SSTable chunks
 *     ({@code file_cache_size}; 0: none)
 */
public record StorageConfig(Path directory, CommitLogOptions.Sync sync, long memtableThresholdBytes, boolean autoCompaction,
    Clock clock, boolean clockDrivenSync, FailurePolicy commitFailurePolicy, FailurePolicy diskFailurePolicy, DiskAccess disk,
    long chunkCacheBytes) {

  public StorageConfig(Path directory, CommitLogOptions.Sync sync, long memtableThresholdBytes, boolean autoCompaction, Clock clock) {
    this(directory, sync, memtableThresholdBytes, autoCompaction, clock, false, FailurePolicy.STOP, FailurePolicy.STOP,
        new DiskAccess(), ChunkCache.defaultCapacity());
  }

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
    return new StorageConfig(directory, sync, bytes, autoCompaction, clock, clockDrivenSync, commitFailurePolicy,
        diskFailurePolicy, disk, chunkCacheBytes);
  }

  public StorageConfig withAutoCompaction(boolean enabled) {
    return new StorageConfig(directory, sync, memtableThresholdBytes, enabled, clock, clockDrivenSync, commitFailurePolicy,
        diskFailurePolicy, disk, chunkCacheBytes);
  }

  public StorageConfig withClockDrivenSync(boolean enabled) {
    return new StorageConfig(directory, sync, memtableThresholdBytes, autoCompaction, clock, enabled, commitFailurePolicy,
        diskFailurePolicy, disk, chunkCacheBytes);
  }

  public StorageConfig withFailurePolicies(FailurePolicy commit, FailurePolicy diskPolicy) {
    return new StorageConfig(directory, sync, memtableThresholdBytes, autoCompaction, clock, clockDrivenSync, commit,
        diskPolicy, disk, chunkCacheBytes);
  }

  /** The chunk cache's budget in bytes (0: no cache). */
  public StorageConfig withChunkCacheBytes(long bytes) {
    return new StorageConfig(directory, sync, memtableThresholdBytes, autoCompaction, clock, clockDrivenSync, commitFailurePolicy,
        diskFailurePolicy, disk, bytes);
  }

  public StorageConfig withDisk(DiskAccess newDisk) {
    return new StorageConfig(directory, sync, memtableThresholdBytes, autoCompaction, clock, clockDrivenSync, commitFailurePolicy,
        diskFailurePolicy, newDisk, chunkCacheBytes);
  }
}
