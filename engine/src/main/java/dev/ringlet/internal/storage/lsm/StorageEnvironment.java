package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.commitlog.CommitLog;
import dev.ringlet.internal.storage.sstable.ChunkCache;
import dev.ringlet.internal.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every table store of one node shares: the clock (TTL expiry and gc grace), the commit log
 * (null in memory mode), the memtable flush threshold, the cache of decompressed SSTable chunks
 * ({@link ChunkCache}), and two background threads, one for flushes
 * and one for compactions, created on first use so a node that never flushes starts none.
 */
public final class StorageEnvironment implements AutoCloseable {

  /** Made on first use: a start that logs nothing never initialises the application's logging backend. */
  private static final class Log {
    static final Logger LOG = LoggerFactory.getLogger(StorageEnvironment.class);
  }

  private final Clock clock;
  private final CommitLog commitLog;
  private final long memtableThresholdBytes;
  private final boolean autoCompaction;
  private ExecutorService flushes;
  private ExecutorService compactions;
  private boolean closed;
  private final dev.ringlet.internal.storage.FailurePolicy commitFailurePolicy;
  private final dev.ringlet.internal.storage.FailurePolicy diskFailurePolicy;
  private final java.util.function.BiConsumer<dev.ringlet.internal.storage.FailurePolicy, RuntimeException> onFailure;
  private volatile RuntimeException stoppedBy;
  private final ChunkCache chunkCache;

  /** Failures of the disk fail the one write (policy IGNORE). */
  public StorageEnvironment(Clock clock, CommitLog commitLog, long memtableThresholdBytes, boolean autoCompaction) {
    this(clock, commitLog, memtableThresholdBytes, autoCompaction, dev.ringlet.internal.storage.FailurePolicy.IGNORE,
        dev.ringlet.internal.storage.FailurePolicy.IGNORE, (policy, cause) -> { });
  }

  /**
   * @param onFailure told once, with the policy that applies and the failure, when a policy other
   *     than IGNORE stops this storage (the node then stops its transports, or exits)
   */
  public StorageEnvironment(Clock clock, CommitLog commitLog, long memtableThresholdBytes, boolean autoCompaction,
      dev.ringlet.internal.storage.FailurePolicy commitFailurePolicy, dev.ringlet.internal.storage.FailurePolicy diskFailurePolicy,
      java.util.function.BiConsumer<dev.ringlet.internal.storage.FailurePolicy, RuntimeException> onFailure) {
    this(clock, commitLog, memtableThresholdBytes, autoCompaction, commitFailurePolicy, diskFailurePolicy, onFailure,
        new ChunkCache(ChunkCache.defaultCapacity()));
  }

  /** @param chunkCache the node's cache of decompressed SSTable chunks, shared by its tables */
  public StorageEnvironment(Clock clock, CommitLog commitLog, long memtableThresholdBytes, boolean autoCompaction,
      dev.ringlet.internal.storage.FailurePolicy commitFailurePolicy, dev.ringlet.internal.storage.FailurePolicy diskFailurePolicy,
      java.util.function.BiConsumer<dev.ringlet.internal.storage.FailurePolicy, RuntimeException> onFailure,
      ChunkCache chunkCache) {
    this.chunkCache = chunkCache;
    this.commitFailurePolicy = commitFailurePolicy;
    this.diskFailurePolicy = diskFailurePolicy;
    this.onFailure = onFailure;
    this.clock = clock;
    this.commitLog = commitLog;
    this.memtableThresholdBytes = memtableThresholdBytes;
    this.autoCompaction = autoCompaction;
  }

  public Clock clock() {
    return clock;
  }

  /** Null in memory mode. */
  public CommitLog commitLog() {
    return commitLog;
  }

  /** The node's cache of decompressed SSTable chunks. */
  public ChunkCache chunkCache() {
    return chunkCache;
  }

  public long memtableThresholdBytes() {
    return memtableThresholdBytes;
  }

  public boolean autoCompaction() {
    return autoCompaction;
  }

  /** Throws when a failure policy stopped this storage: no write may go further. */
  void checkNotStopped() {
    RuntimeException cause = stoppedBy;
    if (cause != null) {
      throw new dev.ringlet.internal.storage.StorageStoppedException("storage stopped by an earlier disk failure: "
          + cause.getMessage(), cause);
    }
  }

  /** A commit-log write failed: what to throw, after applying {@code commit_failure_policy}. */
  RuntimeException commitLogFailed(RuntimeException failure) {
    return failed(commitFailurePolicy, failure);
  }

  /** An SSTable write failed: what to throw, after applying {@code disk_failure_policy}. */
  RuntimeException dataWriteFailed(RuntimeException failure) {
    return failed(diskFailurePolicy, failure);
  }

  private RuntimeException failed(dev.ringlet.internal.storage.FailurePolicy policy, RuntimeException failure) {
    if (policy == dev.ringlet.internal.storage.FailurePolicy.IGNORE) {
      return failure;
    }
    boolean first;
    synchronized (this) {
      first = stoppedBy == null;
      if (first) {
        stoppedBy = failure;
      }
    }
    if (first) {
      Log.LOG.error("Stopping the node: {} failure policy is {} ({})", failure instanceof java.io.UncheckedIOException
          && failure.getMessage() != null && failure.getMessage().startsWith("commit log") ? "commit" : "disk",
          policy.name().toLowerCase(java.util.Locale.ROOT), failure.getMessage());
      onFailure.accept(policy, failure);
    }
    return new dev.ringlet.internal.storage.StorageStoppedException(failure.getMessage(), failure);
  }

  /** Whether a failure policy stopped this storage. */
  public boolean stopped() {
    return stoppedBy != null;
  }

  synchronized Future<?> submitFlush(String what, Runnable task) {
    if (closed) {
      return null;
    }
    if (flushes == null) {
      flushes = Executors.newSingleThreadExecutor(r -> thread(r, "ringlet-flush"));
    }
    return flushes.submit(() -> run(what, task));
  }

  synchronized Future<?> submitCompaction(String what, Runnable task) {
    if (closed) {
      return null;
    }
    if (compactions == null) {
      compactions = Executors.newSingleThreadExecutor(r -> thread(r, "ringlet-compaction"));
    }
    return compactions.submit(() -> run(what, task));
  }

  private static void run(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      Log.LOG.error("{} failed", what, e);
      throw e;
    }
  }

  private static Thread thread(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /** Stops the background threads, letting running tasks finish (pending compactions are dropped). */
  @Override
  public void close() {
    ExecutorService f;
    ExecutorService c;
    synchronized (this) {
      closed = true;
      f = flushes;
      c = compactions;
    }
    if (c != null) {
      c.shutdownNow();
    }
    if (f != null) {
      f.shutdown();
    }
    try {
      if (f != null) {
        f.awaitTermination(1, TimeUnit.MINUTES);
      }
      if (c != null) {
        c.awaitTermination(1, TimeUnit.MINUTES);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
