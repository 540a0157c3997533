package dev.ringlet.internal.storage.commitlog;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the commit log writes.
 *
 * @param sync when a write is acknowledged relative to its fsync
 * @param syncPeriod PERIODIC: how often the log is synced (Cassandra's {@code commitlog_sync_period}, 10 s)
 * @param groupWindow GROUP: how long writes wait to share one sync ({@code commitlog_sync_group_window})
 * @param segmentSizeBytes a segment is closed and a new one started beyond this size (32 MiB)
 * @param totalSizeBytes beyond this much log, the tables holding the oldest segment are flushed
 */
public record CommitLogOptions(Path directory, Sync sync, Duration syncPeriod, Duration groupWindow,
    long segmentSizeBytes, long totalSizeBytes) {

  /** Cassandra's {@code commitlog_sync} modes. */
  public enum Sync {
    PERIODIC, BATCH, GROUP
  }

  public static CommitLogOptions defaults(Path directory, Sync sync) {
    return new CommitLogOptions(directory, sync, Duration.ofSeconds(10), Duration.ofMillis(15), 32L << 20, 256L << 20);
  }
}
