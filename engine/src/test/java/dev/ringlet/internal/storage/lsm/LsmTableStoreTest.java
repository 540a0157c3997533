package dev.ringlet.internal.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.compaction.CompactionTask;
import dev.ringlet.internal.storage.sstable.ChunkCompressor;
import dev.ringlet.internal.storage.sstable.CorruptSSTableException;
import dev.ringlet.internal.storage.sstable.MemoryDirectory;
import dev.ringlet.internal.storage.sstable.SSTableOptions;
import dev.ringlet.internal.storage.sstable.SSTableReader;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.NativeType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The log-structured store in memory mode: flushes to heap images, purges only what is safe, reports corruption. */
class LsmTableStoreTest {

  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final DecoratedKey KEY = new DecoratedKey(7, NativeType.INT.encode(7));
  private static final long T0 = 1_700_000_000L;

  private final ManualClock clock = new ManualClock(T0 * 1_000_000);
  private final MemoryDirectory dir = new MemoryDirectory("ks/t");
  private final TableOptions options = new TableOptions(new SSTableOptions(ChunkCompressor.LZ4, 256, 0.01, 128, 1024), 10,
      CompactionParams.DEFAULT);
  private final StorageEnvironment env = new StorageEnvironment(clock, null, Long.MAX_VALUE, false);
  private final LsmTableStore store = new LsmTableStore(UUID.randomUUID(), "ks.t", CMP, () -> options, Map.of(), dir, env);

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  private void insert(int row, long ts, int ttl) {
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(c(row),
        LivenessInfo.of(ts, ttl, clock.nowInSeconds()), DeletionTime.LIVE,
        Map.of("v", Cell.expiring(NativeType.TEXT.encode("v" + ts), ts, ttl, clock.nowInSeconds()))))));
  }

  private void deleteRow(int row, long ts) {
    store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(c(row), LivenessInfo.EMPTY, new DeletionTime(ts, clock.nowInSeconds()), Map.of()))));
  }

  private int liveRows() {
    return store.read(KEY, clock.nowInSeconds()).rows().size();
  }

  @Test
  void should_read_the_whole_partition_raw_slice_as_the_raw_partition_and_an_empty_exclusive_start_as_nothing() {
    // Given rows 1..3, row 2 deleted, first in the memtable alone, then with row 1 flushed to an SSTable
    insert(1, 10, 0);
    insert(2, 11, 0);
    insert(3, 12, 0);
    deleteRow(2, 13);
    ClusteringComparator.Bound afterAll = new ClusteringComparator.Bound(Clustering.EMPTY, true, false);
    for (int pass = 0; pass < 2; pass++) {
      // When the raw slice spans the whole partition, Then it is the raw partition (its deleted row included)
      PartitionUpdate whole = store.readRawSlice(KEY, ClusteringComparator.Bound.BOTTOM, ClusteringComparator.Bound.TOP, CMP);
      assertThat(whole.rows()).extracting(RowUpdate::clustering).containsExactly(c(1), c(2), c(3));
      assertThat(whole.rows()).isEqualTo(store.readRaw(KEY).rows());
      // and a start bound after every clustering selects no row
      assertThat(store.readRawSlice(KEY, afterAll, ClusteringComparator.Bound.TOP, CMP).rows()).isEmpty();
      store.flush();
      insert(1, 14, 0);
    }
  }

  @Test
  void should_merge_memtable_and_heap_sstables_in_memory_mode() {
    insert(1, 10, 0);
    store.flush();
    insert(2, 11, 0);
    store.flush();
    insert(1, 12, 0);
    assertThat(store.stats().sstableCount()).isEqualTo(2);
    assertThat(dir.list()).contains("rg-1-Data.db", "rg-2-Data.db");
    assertThat(store.read(KEY, clock.nowInSeconds()).rows()).extracting(r -> r.cell("v").timestamp()).containsExactly(12L, 11L);
    assertThat(store.readSlice(KEY, new ClusteringComparator.Bound(c(1), true, true), new ClusteringComparator.Bound(c(2), false, true),
        true, CMP, clock.nowInSeconds()).rows()).extracting(r -> r.clustering()).containsExactly(c(2), c(1));
    store.truncate();
    assertThat(liveRows()).isZero();
    assertThat(store.stats().sstableCount()).isZero();
    assertThat(dir.list()).isEmpty();
  }

  @Test
  void should_keep_a_tombstone_past_gc_grace_while_another_sstable_holds_older_data_it_shadows() {
    insert(1, 10, 0);
    store.flush();
    deleteRow(1, 20);
    store.flush();
    clock.advance(Duration.ofSeconds(60)); // well past gc_grace_seconds = 10
    List<SSTableReader> sstables = store.referencedSSTables();
    SSTableReader tombstoneOnly = sstables.get(1).generation() == 2 ? sstables.get(1) : sstables.get(0);
    sstables.forEach(SSTableReader::unref);

    store.compact(new CompactionTask(List.of(tombstoneOnly), 0, Long.MAX_VALUE));
    assertThat(store.stats().tombstones()).as("tombstone kept: the other SSTable has data it shadows").isEqualTo(1);
    assertThat(liveRows()).isZero();

    store.compactMajor();
    assertThat(store.stats().tombstones()).isZero();
    assertThat(store.stats().sstableCount()).as("both the row and its tombstone are gone").isZero();
    assertThat(liveRows()).isZero();
  }

  @Test
  void should_not_purge_a_tombstone_before_gc_grace() {
    insert(1, 10, 0);
    deleteRow(1, 20);
    store.flush();
    clock.advance(Duration.ofSeconds(5));
    store.compactMajor();
    assertThat(store.stats().tombstones()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(6));
    store.compactMajor();
    assertThat(store.stats().tombstones()).isZero();
    assertThat(liveRows()).isZero();
  }

  @Test
  void should_turn_expired_ttl_data_into_tombstones_and_purge_them_after_gc_grace() {
    // a TTL shorter than gc_grace_seconds: expired, the value becomes a tombstone dated at its write
    // (as Cassandra), which stays until gc grace has passed since that write
    insert(1, 10, 5);
    insert(2, 10, 0);
    store.flush();
    clock.advance(Duration.ofSeconds(6));
    assertThat(liveRows()).isEqualTo(1);
    store.compactMajor();
    assertThat(store.stats().tombstones()).as("the expired cell is a tombstone until gc grace passes").isEqualTo(1);
    clock.advance(Duration.ofSeconds(5));
    store.compactMajor();
    assertThat(store.stats().tombstones()).isZero();
    assertThat(liveRows()).isEqualTo(1);
  }

  @Test
  void should_report_a_corrupted_chunk_instead_of_serving_it() throws Exception {
    for (int i = 0; i < 50; i++) {
      insert(i, 10 + i, 0);
    }
    store.flush();
    java.lang.reflect.Method image = MemoryDirectory.class.getDeclaredMethod("image", String.class);
    image.setAccessible(true);
    byte[] data = (byte[]) image.invoke(dir, "rg-1-Data.db");
    data[data.length / 3] ^= 0x01;
    assertThatThrownBy(this::liveRows).isInstanceOf(CorruptSSTableException.class)
        .hasMessageContaining("memory:ks/t/rg-1-Data.db at position");
  }
}
