package dev.ringlet.internal.storage.lsm;

import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.Memtable;
import dev.ringlet.internal.storage.PartitionMerge;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.TableStats;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.storage.commitlog.CommitLog;
import dev.ringlet.internal.storage.commitlog.CommitLogReplayer;
import dev.ringlet.internal.storage.compaction.CompactionStrategy;
import dev.ringlet.internal.storage.compaction.CompactionTask;
import dev.ringlet.internal.storage.compaction.Purger;
import dev.ringlet.internal.storage.sstable.Directory;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import dev.ringlet.internal.storage.sstable.SSTableWriter;
import dev.ringlet.internal.storage.sstable.SSTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * One table's log-structured store. A write goes to the commit log (durable mode), then the
 * memtable; past the flush threshold, on request, on shutdown and under commit-log pressure the
 * memtable is switched out and written as an SSTable in the background, and the strategy from the
 * table's {@code compaction} option merges SSTables on another thread.
 *
 * <p>Reads take the current {@link View}: reads of one partition are {@link PartitionReads}, scans
 * {@link ScanReads}; both hold references on the view's SSTables while they read them
 * ({@link View#acquire}), so a compaction can replace files under them.
 *
 * <p>Locks: writes hold the switch lock shared, a memtable switch holds it exclusively so the
 * commit-log position of the switch bounds exactly what the old memtable holds. The view is
 * replaced under {@code viewLock}; flushes (and truncation) under {@code flushLock}; compactions
 * under {@code compactionLock}.
 */
public final class LsmTableStore implements TableStore {

  private static final String TRUNCATION = "truncation.txt";

  private final UUID id;
  private final String name;
  private final ClusteringComparator comparator;
  private final Supplier<TableOptions> options;
  private final StorageEnvironment env;
  private final Directory directory;
  private final ReentrantReadWriteLock switchLock = new ReentrantReadWriteLock();
  private final Object viewLock = new Object();
  private final Object flushLock = new Object();
  private final Object compactionLock = new Object();
  private volatile View view;
  private final AtomicLong generation;
  private volatile DroppedColumns dropped;
  private volatile CommitLogBound replayFloor;
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private final AtomicBoolean compactionScheduled = new AtomicBoolean();
  private final AtomicLong compactions = new AtomicLong();
  private final AtomicLong bytesCompacted = new AtomicLong();
  private volatile boolean retired;
  private final PartitionReads partitionReads;
  private final ScanReads scanReads;

  public LsmTableStore(UUID id, String name, ClusteringComparator comparator, Supplier<TableOptions> options,
      Map<String, Long> droppedColumns, Directory directory, StorageEnvironment env) {
    this.id = id;
    this.name = name;
    this.comparator = comparator;
    this.options = options;
    this.env = env;
    this.directory = directory;
    this.dropped = new DroppedColumns(droppedColumns);
    List<SSTableReader> existing = new ArrayList<>();
    long maxGeneration = 0;
    CommitLogBound floor = CommitLogBound.NONE;
    try {
      for (long g : SSTables.open(directory)) {
        SSTableReader r = SSTableReader.open(directory, g, comparator, options.get().sstable().indexInterval(), env.chunkCache());
        existing.add(r);
        maxGeneration = Math.max(maxGeneration, g);
        floor = CommitLogBound.max(floor, r.stats().commitLogUpper());
      }
      floor = CommitLogBound.max(floor, readTruncation());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the SSTables of " + name + " in " + directory.describe("") + ": " + e.getMessage(), e);
    }
    this.generation = new AtomicLong(maxGeneration + 1);
    this.replayFloor = floor;
    this.view = new View(new Memtable(comparator), List.of(), existing);
    this.partitionReads = new PartitionReads(comparator, () -> view, () -> dropped);
    this.scanReads = new ScanReads(comparator, () -> view, () -> dropped);
  }

  public UUID id() {
    return id;
  }

  public String name() {
    return name;
  }

  // ---------------------------------------------------------------- writes

  @Override
  public void apply(PartitionUpdate update) {
    Memtable m;
    switchLock.readLock().lock();
    try {
      CommitLog log = env.commitLog();
      if (log != null) {
        env.checkNotStopped();
        try {
          log.append(id, update);
        } catch (UncheckedIOException e) {
          throw env.commitLogFailed(e);
        }
      }
      m = view.active();
      m.apply(dropped.filter(update)); // a re-added column's cells no newer than its drop stay dropped
    } finally {
      switchLock.readLock().unlock();
    }
    if (m.heapSize() > env.memtableThresholdBytes()) {
      requestFlush();
    }
  }

  /** Flushes in the background (once, however many ask before it runs): size threshold, commit-log pressure. */
  public void requestFlush() {
    if (flushScheduled.compareAndSet(false, true)) {
      if (env.submitFlush("flush of " + name, this::flush) == null) {
        flushScheduled.set(false);
      }
    }
  }

  /** A commit-log entry replayed at start: into the memtable, not logged again. */
  public CommitLogReplayer.Target replayTarget() {
    return new CommitLogReplayer.Target() {
      @Override
      public CommitLogBound replayFloor() {
        return replayFloor;
      }

      @Override
      public void apply(PartitionUpdate update) {
        view.active().apply(dropped.filter(update));
      }
    };
  }

  @Override
  public void dropColumn(String column, long timestampMicros) {
    dropped = dropped.with(column, timestampMicros);
    for (Memtable m : view.memtables()) {
      m.dropColumn(column, timestampMicros);
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public LivePartition read(DecoratedKey key, long nowInSeconds) {
    return partitionReads.read(key, nowInSeconds);
  }

  @Override
  public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator cmp, long nowInSeconds) {
    return partitionReads.readSlice(key, slice, nowInSeconds);
  }

  @Override
  public PartitionUpdate readRaw(DecoratedKey key) {
    return partitionReads.readRaw(key);
  }

  @Override
  public PartitionUpdate readRawSlice(DecoratedKey key, Bound start, Bound end, ClusteringComparator cmp) {
    return partitionReads.readRawSlice(key, start, end);
  }

  @Override
  public Iterator<LivePartition> scan(DecoratedKey from, boolean inclusive, long nowInSeconds) {
    return scanReads.scan(from, inclusive, nowInSeconds);
  }

  @Override
  public Iterator<PartitionUpdate> scanRaw(DecoratedKey from, boolean inclusive) {
    return scanReads.scanRaw(from, inclusive);
  }

  // ---------------------------------------------------------------- flush

  /** Writes the memtable to an SSTable (nothing when it is empty) and lets the commit log forget what it held. */
  public void flush() {
    synchronized (flushLock) {
      flushScheduled.set(false);
      Memtable old;
      CommitLogBound bound;
      CommitLog log = env.commitLog();
      switchLock.writeLock().lock();
      try {
        old = view.active();
        bound = log == null ? CommitLogBound.NONE : log.currentPosition();
        if (!old.isEmpty()) {
          synchronized (viewLock) {
            view = view.switchMemtable(new Memtable(comparator));
          }
        }
      } finally {
        switchLock.writeLock().unlock();
      }
      if (!old.isEmpty()) {
        SSTableReader written = write(old.iterator(null, true), old.partitionCount(),
            CompactionStrategy.of(options.get().compaction()).flushLevel(), bound);
        synchronized (viewLock) {
          view = view.flushed(old, written);
        }
      }
      if (log != null) {
        log.discardCompleted(id, bound);
      }
    }
    maybeCompact();
  }

  private SSTableReader write(Iterator<PartitionUpdate> partitions, long expectedKeys, int level, CommitLogBound bound) {
    if (!partitions.hasNext()) {
      return null;
    }
    long g = generation.getAndIncrement();
    TableOptions o = options.get();
    try (SSTableWriter w = new SSTableWriter(directory, g, comparator, o.sstable(), expectedKeys, level, bound)) {
      while (partitions.hasNext()) {
        w.append(partitions.next());
      }
      w.finish();
      return SSTableReader.open(directory, g, comparator, o.sstable().indexInterval(), env.chunkCache());
    } catch (IOException e) {
      throw env.dataWriteFailed(new UncheckedIOException("cannot write SSTable " + directory.describe("rg-" + g) + " of " + name
          + ": " + e.getMessage(), e));
    }
  }

  // ---------------------------------------------------------------- compaction

  private void maybeCompact() {
    if (!env.autoCompaction() || retired) {
      return;
    }
    if (compactionScheduled.compareAndSet(false, true)) {
      if (env.submitCompaction("compaction of " + name, () -> {
        compactionScheduled.set(false);
        while (compactOnce()) {
          // until the strategy has nothing left to do
        }
      }) == null) {
        compactionScheduled.set(false);
      }
    }
  }

  /** Runs the strategy's next background compaction; false when there was none. */
  public boolean compactOnce() {
    synchronized (compactionLock) {
      CompactionTask task = CompactionStrategy.of(options.get().compaction())
          .next(view.sstables(), env.clock().currentTimeMicros());
      if (task == null || retired) {
        return false;
      }
      return compact(task);
    }
  }

  /** A major compaction: everything flushed is merged (and purged) into as few SSTables as the strategy allows. */
  public void compactMajor() {
    synchronized (compactionLock) {
      CompactionTask task = CompactionStrategy.of(options.get().compaction()).major(view.sstables());
      if (task != null) {
        compact(task);
      }
    }
  }

  /** Runs one compaction; false when its inputs were retired meanwhile (package-private for tests). */
  boolean compact(CompactionTask task) {
    List<SSTableReader> inputs = task.inputs();
    for (int i = 0; i < inputs.size(); i++) {
      if (!inputs.get(i).ref()) {
        for (int j = 0; j < i; j++) {
          inputs.get(j).unref();
        }
        return false;
      }
    }
    List<SSTableReader> outputs = new ArrayList<>();
    try {
      long now = env.clock().nowInSeconds();
      TableOptions o = options.get();
      long gcBefore = now - o.gcGraceSeconds();
      List<Iterator<PartitionUpdate>> sources = new ArrayList<>();
      long bytesIn = 0;
      long expected = 0;
      for (SSTableReader s : inputs) {
        sources.add(s.iterator(null, true));
        bytesIn += s.stats().uncompressedLength();
        expected += s.stats().partitions();
      }
      MergeIterator merged = new MergeIterator(sources);
      DroppedColumns d = dropped;
      SSTableWriter writer = null;
      long writerGeneration = -1;
      try {
        while (merged.hasNext()) {
          PartitionUpdate p = d.filter(PartitionMerge.merge(comparator, merged.next()));
          PartitionUpdate kept = new Purger(comparator, now, gcBefore, maxPurgeableTimestamp(p.key(), inputs)).purge(p);
          if (kept == null) {
            continue;
          }
          if (writer == null) {
            writerGeneration = generation.getAndIncrement();
            writer = new SSTableWriter(directory, writerGeneration, comparator, o.sstable(), expected, task.outputLevel(),
                maxBound(inputs));
          }
          writer.append(kept);
          if (writer.uncompressedLength() >= task.maxOutputBytes()) {
            writer.finish();
            writer.close();
            outputs.add(SSTableReader.open(directory, writerGeneration, comparator, o.sstable().indexInterval(), env.chunkCache()));
            writer = null;
          }
        }
        if (writer != null) {
          writer.finish();
          writer.close();
          outputs.add(SSTableReader.open(directory, writerGeneration, comparator, o.sstable().indexInterval(), env.chunkCache()));
          writer = null;
        }
      } finally {
        if (writer != null) {
          writer.close();
        }
      }
      boolean replaced;
      synchronized (viewLock) {
        replaced = view.sstables().containsAll(inputs);
        if (replaced) {
          view = view.replaced(inputs, outputs);
        }
      }
      if (!replaced) {
        retire(outputs);
        return false;
      }
      retire(inputs);
      compactions.incrementAndGet();
      bytesCompacted.addAndGet(bytesIn);
      return true;
    } catch (IOException e) {
      retire(outputs);
      throw env.dataWriteFailed(new UncheckedIOException("compaction of " + name + " failed: " + e.getMessage(), e));
    } finally {
      for (SSTableReader s : inputs) {
        s.unref();
      }
    }
  }

  /** The oldest write that any source outside the compaction may hold for the key: tombstones older than it may go. */
  private long maxPurgeableTimestamp(DecoratedKey key, List<SSTableReader> inputs) {
    View v = view;
    long min = Long.MAX_VALUE;
    for (SSTableReader s : v.sstables()) {
      if (!inputs.contains(s) && s.mightContain(key)) {
        min = Math.min(min, s.stats().minTimestamp());
      }
    }
    for (Memtable m : v.memtables()) {
      if (m.contains(key)) {
        min = Math.min(min, m.minTimestamp());
      }
    }
    return min;
  }

  private static CommitLogBound maxBound(List<SSTableReader> inputs) {
    CommitLogBound b = CommitLogBound.NONE;
    for (SSTableReader s : inputs) {
      b = CommitLogBound.max(b, s.stats().commitLogUpper());
    }
    return b;
  }

  private static void retire(List<SSTableReader> sstables) {
    for (SSTableReader s : sstables) {
      s.markObsolete();
      s.unref();
    }
  }

  // ---------------------------------------------------------------- truncate, drop, close

  @Override
  public void truncate() {
    List<SSTableReader> old;
    synchronized (flushLock) {
      CommitLog log = env.commitLog();
      switchLock.writeLock().lock();
      try {
        CommitLogBound bound = log == null ? CommitLogBound.NONE : log.currentPosition();
        synchronized (viewLock) {
          old = view.sstables();
          view = new View(new Memtable(comparator), List.of(), List.of());
        }
        if (log != null) {
          writeTruncation(bound);
          replayFloor = CommitLogBound.max(replayFloor, bound);
          log.discardCompleted(id, bound);
        }
      } finally {
        switchLock.writeLock().unlock();
      }
    }
    retire(old);
  }

  /** DROP TABLE: the data and its files go; the commit log forgets the table. */
  public void drop() {
    retired = true;
    truncate();
    synchronized (compactionLock) {
      try {
        for (String f : directory.list()) {
          directory.delete(f);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete the files of dropped table " + name + ": " + e.getMessage(), e);
      }
    }
    CommitLog log = env.commitLog();
    if (log != null) {
      log.forget(id);
    }
  }

  /** Flushes (durable mode) and releases the SSTables. */
  public void close(boolean flush) {
    retired = true; // no new compactions
    if (flush) {
      flush();
    }
    synchronized (compactionLock) {
      View v;
      synchronized (viewLock) {
        v = view;
        view = new View(v.active(), v.flushing(), List.of());
      }
      for (SSTableReader s : v.sstables()) {
        s.unref();
      }
    }
  }

  /** The live SSTables, each with a reference the caller must release (snapshots). */
  public List<SSTableReader> referencedSSTables() {
    return View.acquire(() -> view).sstables();
  }

  /** Adds SSTables already written into this table's directory (snapshot restore, imports). */
  public void addSSTables(List<Long> generations) {
    List<SSTableReader> added = new ArrayList<>();
    try {
      for (long g : generations) {
        added.add(SSTableReader.open(directory, g, comparator, options.get().sstable().indexInterval(), env.chunkCache()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    synchronized (viewLock) {
      view = view.replaced(List.of(), added);
    }
  }

  /** A fresh generation number, for files brought into the directory. */
  public long nextGeneration() {
    return generation.getAndIncrement();
  }

  public Directory directory() {
    return directory;
  }

  public TableStats stats() {
    View v = view;
    long memPartitions = 0;
    long memBytes = 0;
    for (Memtable m : v.memtables()) {
      memPartitions += m.partitionCount();
      memBytes += m.heapSize();
    }
    long disk = 0;
    long raw = 0;
    long partitions = memPartitions;
    long tombstones = 0;
    int maxLevel = 0;
    for (SSTableReader s : v.sstables()) {
      maxLevel = Math.max(maxLevel, s.stats().level());
    }
    Integer[] levels = new Integer[maxLevel + 1];
    java.util.Arrays.fill(levels, 0);
    for (SSTableReader s : v.sstables()) {
      disk += s.onDiskLength();
      raw += s.stats().uncompressedLength();
      partitions += s.stats().partitions();
      tombstones += s.stats().tombstones();
      levels[s.stats().level()]++;
    }
    return new TableStats(memPartitions, memBytes, v.sstables().size(), disk, raw, partitions, tombstones,
        List.of(levels), compactions.get(), bytesCompacted.get());
  }

  private CommitLogBound readTruncation() throws IOException {
    if (!directory.exists(TRUNCATION)) {
      return CommitLogBound.NONE;
    }
    try (Directory.ReadableFile f = directory.open(TRUNCATION)) {
      byte[] b = new byte[(int) f.length()];
      f.read(0, b, 0, b.length);
      String[] parts = new String(b, StandardCharsets.UTF_8).trim().split(" ");
      return new CommitLogBound(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }
  }

  private void writeTruncation(CommitLogBound bound) {
    byte[] b = (bound.segment() + " " + bound.position() + "\n").getBytes(StandardCharsets.UTF_8);
    try (Directory.WritableFile f = directory.create(TRUNCATION)) {
      f.write(b, 0, b.length);
      f.sync();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot record the truncation of " + name + ": " + e.getMessage(), e);
    }
  }

}
