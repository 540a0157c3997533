package dev.ringlet.bench.storage;

import dev.ringlet.bench.report.ResultSink;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.FailurePolicy;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.TableStats;
import dev.ringlet.internal.storage.commitlog.CommitLog;
import dev.ringlet.internal.storage.commitlog.CommitLogOptions;
import dev.ringlet.internal.storage.lsm.LsmTableStore;
import dev.ringlet.internal.storage.lsm.StorageEnvironment;
import dev.ringlet.internal.storage.lsm.TableOptions;
import dev.ringlet.internal.storage.sstable.ChunkCache;
import dev.ringlet.internal.storage.sstable.Directory;
import dev.ringlet.internal.storage.sstable.FileDirectory;
import dev.ringlet.internal.storage.sstable.MemoryDirectory;
import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.types.NativeType;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * {@code storage}: writes {@code partitions x rows} rows of {@code valueBytes} into one table's
 * log-structured store (a dataset several times the memtable threshold, so it flushes and compacts
 * in the background as it goes), then measures a major compaction, point reads (one row) and slice
 * reads ({@code sliceRows} rows) of random partitions from the SSTable, then reads after a flush:
 * every 10th row of as many partitions as half the memtable threshold holds is written again, so
 * those partitions have a version in the memtable and one in the SSTable, and one-row reads,
 * slices, 20-row pages from a random row and whole-partition reads of them are measured (latency
 * and CPU per read of the one reading thread), with the chunk cache's hit ratio; last, the heap
 * retained. {@code --memory} keeps SSTables as heap images instead of files in a temporary
 * directory; {@code --file-cache-mb} sizes the node's decompressed-chunk cache (0: none; default:
 * the node's default).
 */
public final class StorageCommand {

  private final int partitions;
  private final int rows;
  private final int valueBytes;
  private final int memtableMb;
  private final int reads;
  private final int sliceRows;
  private final boolean memory;
  private final long fileCacheBytes;
  private final ResultSink sink;

  /** @param fileCacheBytes the chunk cache's budget, negative for the node's default */
  public StorageCommand(int partitions, int rows, int valueBytes, int memtableMb, int reads, int sliceRows, boolean memory,
      long fileCacheBytes, ResultSink sink) {
    this.fileCacheBytes = fileCacheBytes;
    this.partitions = partitions;
    this.rows = rows;
    this.valueBytes = valueBytes;
    this.memtableMb = memtableMb;
    this.reads = reads;
    this.sliceRows = sliceRows;
    this.memory = memory;
    this.sink = sink;
  }

  private static DecoratedKey key(int p) {
    ByteBuffer k = NativeType.INT.encode(p);
    return new DecoratedKey(Murmur3Partitioner.token(k), k);
  }

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  public void run() throws IOException {
    Path dir = Files.createTempDirectory("ringlet-storage-bench");
    ClusteringComparator cmp = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
    CommitLog log = memory ? null : CommitLog.open(CommitLogOptions.defaults(dir.resolve("commitlog"), CommitLogOptions.Sync.PERIODIC));
    ChunkCache cache = new ChunkCache(fileCacheBytes < 0 ? ChunkCache.defaultCapacity() : fileCacheBytes);
    StorageEnvironment env = new StorageEnvironment(Clock.system(), log, memtableMb * 1024L * 1024L, true, FailurePolicy.IGNORE,
        FailurePolicy.IGNORE, (policy, cause) -> { }, cache);
    sink.add("storage.file_cache_mb", cache.capacity() / 1024.0 / 1024.0, "MiB");
    Directory files = memory ? new MemoryDirectory("bench") : new FileDirectory(dir.resolve("t"));
    TableOptions options = TableOptions.of(TableParams.defaults());
    LsmTableStore store = new LsmTableStore(UUID.randomUUID(), "bench.t", cmp, () -> options, Map.of(), files, env);
    try {
      byte[] value = new byte[valueBytes];
      Random random = new Random(42);
      long written = (long) partitions * rows;
      long start = System.nanoTime();
      // rows arrive in random partition order, a few rows per write, as a client would send them
      int[] nextRow = new int[partitions];
      long done = 0;
      while (done < written) {
        int p = random.nextInt(partitions);
        if (nextRow[p] == rows) {
          continue;
        }
        int r = nextRow[p]++;
        random.nextBytes(value);
        long ts = System.currentTimeMillis() * 1000;
        RowUpdate row = new RowUpdate(c(r), LivenessInfo.of(ts, 0, 0), DeletionTime.LIVE,
            Map.of("v", Cell.live(ByteBuffer.wrap(value.clone()), ts)));
        store.apply(new PartitionUpdate(key(p), DeletionTime.LIVE, List.of(), null, List.of(row)));
        done++;
      }
      long writeNanos = System.nanoTime() - start;
      double mb = written * (valueBytes + 30) / 1024.0 / 1024.0;
      sink.add("storage.write.rows_per_s", written / (writeNanos / 1e9), "rows/s");
      sink.add("storage.dataset_mb", mb, "MiB");
      sink.add("storage.dataset_to_memtable_ratio", mb / memtableMb, "x");

      store.flush();
      TableStats beforeMajor = store.stats();
      sink.add("storage.sstables_before_major", beforeMajor.sstableCount(), "sstables");
      long compactStart = System.nanoTime();
      store.compactMajor();
      long compactNanos = System.nanoTime() - compactStart;
      TableStats after = store.stats();
      sink.add("storage.major_compaction.mb_per_s", beforeMajor.sstableBytesUncompressed() / 1024.0 / 1024.0 / (compactNanos / 1e9), "MiB/s");
      sink.add("storage.background_compactions", beforeMajor.compactionsCompleted(), "compactions");
      sink.add("storage.sstable_bytes_on_disk_mb", after.sstableBytesOnDisk() / 1024.0 / 1024.0, "MiB");

      Histogram point = new Histogram(3);
      Histogram slice = new Histogram(3);
      long now = Clock.system().nowInSeconds();
      for (int i = 0; i < reads / 10; i++) { // warm-up
        readRow(store, cmp, random, now);
      }
      for (int i = 0; i < reads; i++) {
        long t0 = System.nanoTime();
        readRow(store, cmp, random, now);
        point.recordValue((System.nanoTime() - t0) / 1000);
        int p = random.nextInt(partitions);
        int from = random.nextInt(Math.max(1, rows - sliceRows));
        t0 = System.nanoTime();
        LivePartition s = store.readSlice(key(p), new Bound(c(from), true, true), new Bound(c(from + sliceRows), false, false),
            false, cmp, now);
        slice.recordValue((System.nanoTime() - t0) / 1000);
        if (s.rows().size() != Math.min(sliceRows, rows - from)) {
          throw new IllegalStateException("slice of " + s.rows().size() + " rows (expected " + sliceRows + ")");
        }
      }
      sink.add("storage.point_read.p50_us", point.getValueAtPercentile(50), "us");
      sink.add("storage.point_read.p99_us", point.getValueAtPercentile(99), "us");
      sink.add("storage.slice_read.p50_us", slice.getValueAtPercentile(50), "us");
      sink.add("storage.slice_read.p99_us", slice.getValueAtPercentile(99), "us");
      readsAfterFlush(store, cmp, cache, value, random, now);
      System.gc();
      Runtime rt = Runtime.getRuntime();
      sink.add("storage.heap_used_after_gc_mb", (rt.totalMemory() - rt.freeMemory()) / 1024.0 / 1024.0, "MiB");
    } finally {
      store.close(false);
      env.close();
      if (log != null) {
        log.close();
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Rewrites every 10th row of as many partitions as half the memtable holds, then reads them. */
  private void readsAfterFlush(LsmTableStore store, ClusteringComparator cmp, ChunkCache cache, byte[] value, Random random,
      long now) {
    int sstables = store.stats().sstableCount();
    int overlaid = 0;
    long half = memtableMb * 1024L * 1024L / 2;
    while (overlaid < partitions && store.stats().memtableHeapBytes() < half) {
      for (int r = 0; r < rows; r += 10) {
        random.nextBytes(value);
        long ts = System.currentTimeMillis() * 1000;
        RowUpdate row = new RowUpdate(c(r), LivenessInfo.of(ts, 0, 0), DeletionTime.LIVE,
            Map.of("v", Cell.live(ByteBuffer.wrap(value.clone()), ts)));
        store.apply(new PartitionUpdate(key(overlaid), DeletionTime.LIVE, List.of(), null, List.of(row)));
      }
      overlaid++;
    }
    if (store.stats().sstableCount() != sstables) {
      throw new IllegalStateException("the memtable flushed while partitions were overlaid: use a larger --memtable-mb");
    }
    sink.add("storage.after_flush.partitions", overlaid, "partitions");
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"point", "slice", "page", "partition"};
    int[] counts = {reads, reads, reads, Math.max(1, reads / 10)};
    for (int w = 0; w < names.length; w++) {
      Histogram h = new Histogram(3);
      long hits = cache.hits();
      long misses = cache.misses();
      for (int i = 0; i < counts[w] / 10; i++) { // warm-up
        readAfterFlush(w, store, cmp, random.nextInt(overlaid), random, now);
      }
      long cpu0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < counts[w]; i++) {
        int p = random.nextInt(overlaid);
        long t0 = System.nanoTime();
        readAfterFlush(w, store, cmp, p, random, now);
        h.recordValue((System.nanoTime() - t0) / 1000);
      }
      double cpuUs = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / counts[w];
      String prefix = "storage.after_flush." + names[w];
      sink.add(prefix + ".p50_us", h.getValueAtPercentile(50), "us");
      sink.add(prefix + ".p99_us", h.getValueAtPercentile(99), "us");
      sink.add(prefix + ".cpu_us_per_read", cpuUs, "us");
      long lookups = cache.hits() - hits + cache.misses() - misses;
      sink.add(prefix + ".chunk_cache_hit_pct", lookups == 0 ? 0 : 100.0 * (cache.hits() - hits) / lookups, "%");
    }
    sink.add("storage.file_cache_used_mb", cache.size() / 1024.0 / 1024.0, "MiB");
  }

  private void readAfterFlush(int what, LsmTableStore store, ClusteringComparator cmp, int p, Random random, long now) {
    int expected;
    int got;
    switch (what) {
      case 0 -> {
        int r = random.nextInt(rows);
        got = store.readSlice(key(p), new Bound(c(r), true, true), new Bound(c(r), false, true), false, cmp, now).rows().size();
        expected = 1;
      }
      case 1 -> {
        int from = random.nextInt(Math.max(1, rows - sliceRows));
        got = store.readSlice(key(p), new Bound(c(from), true, true), new Bound(c(from + sliceRows), false, false), false, cmp,
            now).rows().size();
        expected = Math.min(sliceRows, rows - from);
      }
      case 2 -> {
        int from = random.nextInt(rows);
        got = store.readSlice(key(p), new RowSlice(new Bound(c(from), true, false), Bound.TOP, false, 20), cmp, now).rows().size();
        expected = Math.min(20, rows - from - 1); // a page resumes after the last row of the previous one
      }
      default -> {
        got = store.read(key(p), now).rows().size();
        expected = rows;
      }
    }
    if (got != expected) {
      throw new IllegalStateException("read " + got + " rows of partition " + p + " (expected " + expected + ")");
    }
  }

  private void readRow(LsmTableStore store, ClusteringComparator cmp, Random random, long now) {
    int p = random.nextInt(partitions);
    int r = random.nextInt(rows);
    LivePartition one = store.readSlice(key(p), new Bound(c(r), true, true), new Bound(c(r), false, true), false, cmp, now);
    if (one.rows().size() != 1) {
      throw new IllegalStateException("row " + p + "/" + r + " read " + one.rows().size() + " rows");
    }
  }
}
