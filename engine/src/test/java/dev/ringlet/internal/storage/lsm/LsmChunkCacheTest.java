package dev.ringlet.internal.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.FailurePolicy;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.sstable.ChunkCache;
import dev.ringlet.internal.storage.sstable.ChunkCompressor;
import dev.ringlet.internal.storage.sstable.MemoryDirectory;
import dev.ringlet.internal.storage.sstable.SSTableOptions;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads of flushed data through the node's chunk cache: repeated reads are answered from it, a
 * compaction's replaced SSTables leave it, and readers running while flushes and compactions
 * replace files always see the current data.
 */
class LsmChunkCacheTest {

  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final int PARTITIONS = 40;
  private static final int ROWS = 20;

  private final ManualClock clock = new ManualClock(1_700_000_000L * 1_000_000);
  private final ChunkCache cache = new ChunkCache(8 * 1024);
  private final StorageEnvironment env = new StorageEnvironment(clock, null, Long.MAX_VALUE, false, FailurePolicy.IGNORE,
      FailurePolicy.IGNORE, (p, e) -> { }, cache);
  private final TableOptions options = new TableOptions(new SSTableOptions(ChunkCompressor.LZ4, 1024, 0.01, 4, 512), 10,
      CompactionParams.DEFAULT);
  private final LsmTableStore store = new LsmTableStore(UUID.randomUUID(), "ks.t", CMP, () -> options, Map.of(),
      new MemoryDirectory("ks/t"), env);

  @AfterEach
  void close() {
    store.close(false);
    env.close();
  }

  private static DecoratedKey key(int p) {
    ByteBuffer k = NativeType.INT.encode(p);
    return new DecoratedKey(dev.ringlet.internal.dht.Murmur3Partitioner.token(k), k);
  }

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  /** The value of a row never changes: a rewrite only carries a newer timestamp. */
  private static String value(int p, int r) {
    return "p" + p + "-r" + r + "-" + "x".repeat(40);
  }

  private void write(int p, int r, long ts) {
    store.apply(new PartitionUpdate(key(p), DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(c(r),
        LivenessInfo.of(ts, 0, 0), DeletionTime.LIVE, Map.of("v", Cell.live(NativeType.TEXT.encode(value(p, r)), ts))))));
  }

  private void writeAll(long ts) {
    for (int p = 0; p < PARTITIONS; p++) {
      for (int r = 0; r < ROWS; r++) {
        write(p, r, ts);
      }
    }
  }

  private void checkSlice(int p, int from, int to) {
    LivePartition s = store.readSlice(key(p), new Bound(c(from), true, true), new Bound(c(to), false, true), false, CMP,
        clock.nowInSeconds());
    List<String> seen = new ArrayList<>();
    for (LiveRow row : s.rows()) {
      seen.add(NativeType.TEXT.decode(row.cell("v").value()).toString());
    }
    List<String> expected = new ArrayList<>();
    for (int r = from; r <= to; r++) {
      expected.add(value(p, r));
    }
    assertThat(seen).as("partition %d rows %d..%d", p, from, to).isEqualTo(expected);
  }

  @Test
  void should_answer_repeated_reads_of_flushed_data_from_the_cache_and_drop_replaced_sstables() {
    writeAll(1);
    store.flush();
    writeAll(2);
    store.flush();
    for (int p = 0; p < PARTITIONS; p++) {
      checkSlice(p, 0, ROWS - 1);
    }
    long misses = cache.misses();
    assertThat(cache.size()).isPositive().isLessThanOrEqualTo(8 * 1024);
    checkSlice(3, 2, 5);
    checkSlice(3, 2, 5);
    assertThat(cache.hits()).as("the second read of the same rows decompresses nothing").isPositive();

    store.compactMajor();
    assertThat(store.stats().sstableCount()).isEqualTo(1);
    assertThat(cache.size()).as("the two replaced SSTables' chunks are gone, the new one's not read yet").isZero();
    for (int p = 0; p < PARTITIONS; p++) {
      checkSlice(p, 0, ROWS - 1);
    }
    assertThat(cache.misses()).isGreaterThan(misses);
    assertThat(cache.size()).isPositive().isLessThanOrEqualTo(8 * 1024);

    store.truncate();
    assertThat(cache.size()).isZero();
    assertThat(store.readSlice(key(1), Bound.BOTTOM, Bound.TOP, false, CMP, clock.nowInSeconds()).rows()).isEmpty();
  }

  @Test
  void should_give_concurrent_readers_the_current_data_while_flushes_and_compactions_replace_sstables() throws Exception {
    writeAll(1);
    store.flush();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService readers = Executors.newFixedThreadPool(3);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < 3; t++) {
        long seed = t;
        results.add(readers.submit(() -> {
          Random random = new Random(seed);
          int reads = 0;
          while (!done.get() || reads < 200) {
            int p = random.nextInt(PARTITIONS);
            int from = random.nextInt(ROWS);
            checkSlice(p, from, Math.min(ROWS - 1, from + random.nextInt(5)));
            reads++;
          }
          return reads;
        }));
      }
      for (long ts = 2; ts < 12; ts++) {
        for (int p = 0; p < PARTITIONS; p += 3) {
          for (int r = 0; r < ROWS; r += 2) {
            write(p, r, ts);
          }
        }
        store.flush();
        if (ts % 3 == 0) {
          store.compactMajor();
        }
      }
      done.set(true);
      for (Future<Integer> f : results) {
        assertThat(f.get()).isGreaterThanOrEqualTo(200);
      }
    } finally {
      done.set(true);
      readers.shutdown();
    }
    assertThat(cache.size()).isLessThanOrEqualTo(8 * 1024);
    assertThat(cache.evictions()).isPositive();
  }
}
