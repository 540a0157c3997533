package dev.ringlet.internal.storage.commitlog;

import dev.ringlet.internal.storage.DiskAccess;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import dev.ringlet.internal.storage.sstable.Serialization;
import dev.ringlet.internal.time.Clock;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * A node's commit log: segmented, append-only, a CRC per entry. When a write is acknowledged
 * depends on the sync mode, as Cassandra's {@code commitlog_sync}:
 *
 * <ul>
 *   <li>PERIODIC: at once; a background task syncs every period, so a crash loses at most the last period;
 *   <li>BATCH: after the write is synced; concurrent writers share one sync;
 *   <li>GROUP: after the next sync, which a background task runs once per window for all waiting writers.
 * </ul>
 *
 * A segment is deleted once every table that wrote into it has flushed past it; beyond the total
 * size limit, the pressure listener is asked to flush the tables holding the oldest segment.
 */
public final class CommitLog implements AutoCloseable {

  private final CommitLogOptions options;
  private final Object appendLock = new Object();
  private final Object syncLock = new Object();
  private final Deque<CommitLogSegment> segments = new ArrayDeque<>();
  private final List<Path> toReplay;
  private CommitLogSegment active;
  private long nextId;
  private volatile CommitLogBound synced = CommitLogBound.NONE;
  private final ScheduledExecutorService syncer;
  private volatile Consumer<Set<UUID>> pressure = tables -> { };
  private volatile IOException syncFailure;
  private final Clock clock;
  private final DiskAccess disk;
  /** PERIODIC on a manual clock: no thread; {@link #syncIfDue} syncs when the clock passed the period. */
  private final boolean clockDriven;
  private volatile long lastSyncMillis;

  private CommitLog(CommitLogOptions options, List<Path> toReplay, long nextId, Clock clock, boolean clockDriven, DiskAccess disk) {
    this.options = options;
    this.toReplay = toReplay;
    this.nextId = nextId;
    this.clock = clock;
    this.disk = disk;
    this.clockDriven = clockDriven && options.sync() == CommitLogOptions.Sync.PERIODIC;
    this.lastSyncMillis = clock.currentTimeMillis();
    if (options.sync() == CommitLogOptions.Sync.BATCH || this.clockDriven) {
      this.syncer = null;
    } else {
      this.syncer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ringlet-commitlog-sync");
        t.setDaemon(true);
        return t;
      });
      long every = (options.sync() == CommitLogOptions.Sync.PERIODIC ? options.syncPeriod() : options.groupWindow()).toNanos();
      syncer.scheduleWithFixedDelay(this::backgroundSync, every, every, TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Opens the log in a directory: segments already there are kept for {@link #segmentsToReplay}
   * and new writes go to a new segment.
   */
  public static CommitLog open(CommitLogOptions options) throws IOException {
    return open(options, Clock.system(), false, new DiskAccess());
  }

  /**
   * Opens the log as {@link #open(CommitLogOptions)}, timing periodic syncs with {@code clock}: when
   * {@code clockDriven}, a PERIODIC log starts no thread and syncs only in {@link #syncIfDue} (a
   * cluster on a manual clock calls it as the clock moves). Every write is announced to {@code disk}.
   */
  public static CommitLog open(CommitLogOptions options, Clock clock, boolean clockDriven, DiskAccess disk) throws IOException {
    Files.createDirectories(options.directory());
    List<Path> existing = new ArrayList<>();
    long max = 0;
    try (Stream<Path> s = Files.list(options.directory())) {
      for (Path p : (Iterable<Path>) s::iterator) {
        long id = CommitLogSegment.idOf(p.getFileName().toString());
        if (id >= 0) {
          existing.add(p);
          max = Math.max(max, id);
        }
      }
    }
    existing.sort((a, b) -> Long.compare(CommitLogSegment.idOf(a.getFileName().toString()),
        CommitLogSegment.idOf(b.getFileName().toString())));
    CommitLog log = new CommitLog(options, existing, max + 1, clock, clockDriven, disk);
    // the active segment exists from the start: the newest id is always on disk, so ids never go
    // back after a restart (SSTables remember commit-log positions by segment id)
    synchronized (log.appendLock) {
      log.switchSegment();
    }
    return log;
  }

  /** The segments left by the previous run, oldest first; delete them with {@link #discardReplayed} once replayed and flushed. */
  public List<Path> segmentsToReplay() {
    return List.copyOf(toReplay);
  }

  /** Deletes the previous run's segments (after their data was replayed and flushed). */
  public void discardReplayed() throws IOException {
    for (Path p : toReplay) {
      Files.deleteIfExists(p);
    }
    toReplay.clear();
  }

  /** Who to ask for flushes when the log grows past its total size (table ids of the oldest segment). */
  public void onPressure(Consumer<Set<UUID>> listener) {
    this.pressure = listener;
  }

  /**
   * Appends a write and returns the position just after it, once it is as durable as the sync
   * mode promises. Fails with an {@link UncheckedIOException} naming the file when it cannot be
   * written (full disk, unwritable directory); the log stays usable for later writes.
   */
  public CommitLogBound append(UUID table, PartitionUpdate update) {
    ByteBuffer entry = frame(table, update);
    CommitLogBound position;
    Set<UUID> overflow = null;
    synchronized (appendLock) {
      try {
        if (active == null || active.position() + entry.remaining() > options.segmentSizeBytes() && active.position() > CommitLogSegment.HEADER_SIZE) {
          overflow = switchSegment();
        }
        disk.beforeCommitLogWrite(active.path);
        active.append(entry);
      } catch (IOException e) {
        throw new UncheckedIOException("commit log write failed in " + options.directory() + ": " + e.getMessage(), e);
      }
      active.dirty.put(table, active.position());
      position = new CommitLogBound(active.id, active.position());
    }
    if (overflow != null && !overflow.isEmpty()) {
      pressure.accept(overflow);
    }
    switch (options.sync()) {
      case BATCH:
        syncTo(position);
        break;
      case GROUP:
        awaitSync(position);
        break;
      default:
        break;
    }
    return position;
  }

  /** The position after the last appended entry. */
  public CommitLogBound currentPosition() {
    synchronized (appendLock) {
      return active == null ? new CommitLogBound(nextId - 1, Long.MAX_VALUE) : new CommitLogBound(active.id, active.position());
    }
  }

  private Set<UUID> switchSegment() throws IOException {
    if (active != null) {
      disk.beforeCommitLogWrite(active.path);
      active.sync();
      CommitLogBound end = new CommitLogBound(active.id, active.position());
      if (synced.compareTo(end) < 0) {
        synced = end; // a closed segment is synced whole
      }
    }
    active = CommitLogSegment.create(options.directory(), nextId++);
    segments.addLast(active);
    long total = 0;
    for (CommitLogSegment s : segments) {
      total += s.position();
    }
    if (total > options.totalSizeBytes() && segments.size() > 1) {
      return new HashSet<>(segments.peekFirst().dirty.keySet());
    }
    return null;
  }

  /** Syncs everything appended so far. */
  public void sync() {
    syncTo(currentPosition());
  }

  private void syncTo(CommitLogBound position) {
    if (synced.compareTo(position) >= 0) {
      return;
    }
    synchronized (syncLock) {
      if (synced.compareTo(position) >= 0) {
        return;
      }
      CommitLogSegment segment;
      CommitLogBound target;
      synchronized (appendLock) {
        segment = active;
        target = currentPosition();
      }
      try {
        if (segment != null) {
          disk.beforeCommitLogWrite(segment.path);
          segment.sync();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("commit log sync failed in " + options.directory() + ": " + e.getMessage(), e);
      }
      synced = target;
      lastSyncMillis = clock.currentTimeMillis();
      syncLock.notifyAll();
    }
  }

  private void awaitSync(CommitLogBound position) {
    synchronized (syncLock) {
      while (synced.compareTo(position) < 0) {
        IOException failure = syncFailure;
        if (failure != null) {
          throw new UncheckedIOException("commit log sync failed in " + options.directory() + ": " + failure.getMessage(), failure);
        }
        try {
          syncLock.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for the commit log to sync", e);
        }
      }
    }
  }

  /**
   * A clock-driven PERIODIC log: syncs when {@code commitlog_sync_period} has passed on the clock
   * since the last sync (else nothing). Other logs sync on their own.
   */
  public void syncIfDue() {
    if (clockDriven && clock.currentTimeMillis() - lastSyncMillis >= options.syncPeriod().toMillis()) {
      sync();
    }
  }

  /** The position up to which the log is known to be on disk. */
  public CommitLogBound syncedPosition() {
    return synced;
  }

  private void backgroundSync() {
    try {
      sync();
      syncFailure = null;
    } catch (UncheckedIOException e) {
      synchronized (syncLock) {
        syncFailure = e.getCause();
        syncLock.notifyAll();
      }
    }
  }

  /**
   * A table flushed everything it wrote up to {@code upTo}: segments it no longer needs forget it,
   * and segments no table needs any more (except the active one) are deleted.
   */
  public void discardCompleted(UUID table, CommitLogBound upTo) {
    List<CommitLogSegment> clean = new ArrayList<>();
    synchronized (appendLock) {
      for (CommitLogSegment s : segments) {
        Long end = s.dirty.get(table);
        if (end != null && (s.id < upTo.segment() || (s.id == upTo.segment() && end <= upTo.position()))) {
          s.dirty.remove(table, end);
        }
      }
      while (segments.size() > 1 && segments.peekFirst().dirty.isEmpty()) {
        clean.add(segments.removeFirst());
      }
    }
    for (CommitLogSegment s : clean) {
      try {
        s.delete();
      } catch (IOException e) {
        throw new UncheckedIOException("could not delete commit log segment " + s.path + ": " + e.getMessage(), e);
      }
    }
  }

  /** Forgets a dropped table, so its segments can go. */
  public void forget(UUID table) {
    discardCompleted(table, new CommitLogBound(Long.MAX_VALUE, Long.MAX_VALUE));
  }

  /** The log's files, with their sizes, for statistics. */
  public long totalBytes() {
    synchronized (appendLock) {
      long total = 0;
      for (CommitLogSegment s : segments) {
        total += s.position();
      }
      return total;
    }
  }

  public int segmentCount() {
    synchronized (appendLock) {
      return segments.size();
    }
  }

  static ByteBuffer frame(UUID table, PartitionUpdate update) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    DataOutputStream out = new DataOutputStream(bytes);
    try {
      out.writeLong(table.getMostSignificantBits());
      out.writeLong(table.getLeastSignificantBits());
      Serialization.writePartition(update, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] body = bytes.toByteArray();
    ByteBuffer entry = ByteBuffer.allocate(body.length + 12);
    entry.putInt(body.length);
    CRC32 crc = new CRC32();
    crc.update(entry.array(), 0, 4);
    entry.putInt((int) crc.getValue());
    entry.put(body);
    crc.reset();
    crc.update(body);
    entry.putInt((int) crc.getValue());
    return entry.flip();
  }

  /**
   * Closes the log as a machine crash would leave it: whatever was appended but not yet synced is
   * cut off the segments (what the operating system had not written out is lost with the power),
   * nothing more is synced. A kill of an in-JVM node goes through here, so that it loses exactly
   * what its sync mode allows: nothing acknowledged in BATCH and GROUP mode, the writes since the
   * last sync in PERIODIC mode.
   */
  public void crash() {
    if (syncer != null) {
      syncer.shutdownNow();
    }
    IOException failure = null;
    synchronized (appendLock) {
      CommitLogBound durable = synced;
      for (CommitLogSegment s : segments) {
        try {
          if (s.id > durable.segment()) {
            s.cutTo(CommitLogSegment.HEADER_SIZE);
          } else if (s.id == durable.segment()) {
            s.cutTo(Math.max(CommitLogSegment.HEADER_SIZE, durable.position()));
          }
          s.close();
        } catch (IOException e) {
          failure = e;
        }
      }
    }
    synchronized (syncLock) { // writers waiting for a sync that will never come fail
      syncFailure = new IOException("the node was killed before this write was synced");
      syncLock.notifyAll();
    }
    if (failure != null) {
      throw new UncheckedIOException("commit log crash simulation failed in " + options.directory() + ": "
          + failure.getMessage(), failure);
    }
  }

  /** Syncs and closes; segments stay for the next start to replay. */
  @Override
  public void close() {
    if (syncer != null) {
      syncer.shutdownNow();
    }
    try {
      synchronized (appendLock) {
        for (CommitLogSegment s : segments) {
          s.sync();
          s.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("commit log close failed in " + options.directory() + ": " + e.getMessage(), e);
    }
  }

}
