package dev.ringlet.internal.storage.sstable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.sstable.SSTableStatistics.CommitLogBound;
import dev.ringlet.internal.types.NativeType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SSTables written and read back keep every cell, timestamp, TTL and tombstone; corruption is caught. */
class SSTableRoundTripTest {

  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));

  private static DecoratedKey key(int i) {
    return new DecoratedKey(i * 1000L - 50_000, NativeType.INT.encode(i));
  }

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  private static ByteBuffer text(String s) {
    return NativeType.TEXT.encode(s);
  }

  /** A partition with every kind of tombstone, a static row, TTLs, a counter and a complex column. */
  private static PartitionUpdate everything(DecoratedKey k) {
    RowUpdate statics = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
        Map.of("s", Cell.expiring(text("static"), 5, 60, 1000)));
    RowUpdate live = new RowUpdate(c(1), LivenessInfo.of(10, 30, 1000), DeletionTime.LIVE,
        Map.of("v", Cell.live(text("one"), 10), "w", Cell.tombstone(11, 1001), "n", Cell.counterDelta(-3, 12)),
        Map.of("m", new ComplexColumn(new DeletionTime(9, 999),
            Map.of(text("a"), Cell.live(text("x"), 10), text("b"), Cell.tombstone(10, 1000)))));
    RowUpdate deleted = new RowUpdate(c(2), LivenessInfo.EMPTY, new DeletionTime(20, 1002), Map.of());
    RangeTombstone rt = new RangeTombstone(new Bound(c(3), true, true), new Bound(c(7), false, false), new DeletionTime(30, 1003));
    return new PartitionUpdate(k, new DeletionTime(4, 998), List.of(rt), statics, List.of(deleted, live));
  }

  private static SSTableReader write(Directory dir, SSTableOptions options, List<PartitionUpdate> partitions) throws IOException {
    try (SSTableWriter w = new SSTableWriter(dir, 1, CMP, options, partitions.size(), 0, new CommitLogBound(3, 77))) {
      for (PartitionUpdate p : partitions) {
        w.append(p);
      }
      w.finish();
    }
    return SSTableReader.open(dir, 1, CMP, options.indexInterval());
  }

  private static void assertSame(PartitionUpdate actual, PartitionUpdate expected) {
    assertThat(actual.key()).isEqualTo(expected.key());
    assertThat(actual.partitionDeletion()).isEqualTo(expected.partitionDeletion());
    assertThat(actual.rangeTombstones()).isEqualTo(expected.rangeTombstones());
    assertThat(actual.staticRow()).isEqualTo(expected.staticRow());
    List<RowUpdate> sorted = new ArrayList<>(expected.rows());
    sorted.sort((a, b) -> CMP.compare(a.clustering(), b.clustering()));
    assertThat(actual.rows()).isEqualTo(sorted);
  }

  @Test
  void should_read_back_every_tombstone_kind_ttl_counter_and_static_row() throws IOException {
    PartitionUpdate p = everything(key(1));
    SSTableReader r = write(new MemoryDirectory("t"), SSTableOptions.DEFAULT, List.of(p));

    assertSame(r.read(key(1)), p);
    assertThat(r.read(key(2))).isNull();
    SSTableStatistics s = r.stats();
    assertThat(s.minTimestamp()).isEqualTo(4);
    assertThat(s.maxTimestamp()).isEqualTo(30);
    assertThat(s.minLocalDeletionTime()).isEqualTo(998);
    assertThat(s.tombstones()).isEqualTo(6);
    assertThat(s.partitions()).isEqualTo(1);
    assertThat(s.rows()).isEqualTo(2);
    assertThat(s.minClustering()).isEqualTo(c(1));
    assertThat(s.maxClustering()).isEqualTo(c(2));
    assertThat(s.commitLogUpper()).isEqualTo(new CommitLogBound(3, 77));
  }

  @Test
  void should_round_trip_with_each_compressor_on_disk(@TempDir Path tmp) throws IOException {
    for (ChunkCompressor compressor : ChunkCompressor.values()) {
      Path d = tmp.resolve(compressor.name());
      List<PartitionUpdate> ps = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        ps.add(everything(key(i)));
      }
      SSTableReader r = write(new FileDirectory(d), new SSTableOptions(compressor, 1024, 0.01, 16, 4096), ps);
      for (int i = 0; i < 300; i += 7) {
        assertSame(r.read(key(i)), ps.get(i));
      }
      Iterator<PartitionUpdate> it = r.iterator(key(100), false);
      assertThat(it.next().key()).isEqualTo(key(101));
      int n = 1;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      assertThat(n).isEqualTo(199);
      assertThat(Files.list(d).map(f -> f.getFileName().toString()).toList()).contains("rg-1-Data.db", "rg-1-TOC.txt",
          "rg-1-Index.db", "rg-1-Summary.db", "rg-1-Filter.db", "rg-1-Statistics.db", "rg-1-CompressionInfo.db");
      r.unref();
    }
  }

  @Test
  void should_read_a_clustering_slice_of_a_wide_partition_through_index_blocks() throws IOException {
    List<RowUpdate> rows = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      rows.add(new RowUpdate(c(i), LivenessInfo.of(1, 0, 0), DeletionTime.LIVE, Map.of("v", Cell.live(text("value " + i), 1))));
    }
    PartitionUpdate wide = new PartitionUpdate(key(1), DeletionTime.LIVE, List.of(), null, rows);
    SSTableReader r = write(new MemoryDirectory("t"), new SSTableOptions(ChunkCompressor.LZ4, 4096, 0.01, 128, 1024), List.of(wide));

    PartitionUpdate slice = r.readSlice(key(1), new Bound(c(2500), true, true), new Bound(c(2510), false, false));
    assertThat(slice.rows()).extracting(RowUpdate::clustering).containsExactly(
        c(2500), c(2501), c(2502), c(2503), c(2504), c(2505), c(2506), c(2507), c(2508), c(2509));
    assertThat(r.read(key(1)).rows()).hasSize(5000);
  }

  @Test
  void should_reject_a_flipped_byte_in_a_data_chunk_naming_file_and_position() throws IOException {
    MemoryDirectory dir = new MemoryDirectory("ks/t");
    List<PartitionUpdate> ps = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      ps.add(everything(key(i)));
    }
    SSTableReader r = write(dir, new SSTableOptions(ChunkCompressor.LZ4, 1024, 0.01, 16, 4096), ps);
    byte[] data = dir.image("rg-1-Data.db");
    data[data.length / 2] ^= 0x40;

    assertThatThrownBy(() -> {
      for (int i = 0; i < 200; i++) {
        r.read(key(i));
      }
    }).isInstanceOf(CorruptSSTableException.class)
        .hasMessageContaining("memory:ks/t/rg-1-Data.db at position ")
        .hasMessageContaining("checksum mismatch");
  }

  @Test
  void should_reject_a_flipped_byte_in_the_index_and_in_small_components() throws IOException {
    MemoryDirectory dir = new MemoryDirectory("t");
    SSTableReader r = write(dir, SSTableOptions.DEFAULT, List.of(everything(key(1))));
    dir.image("rg-1-Index.db")[10] ^= 1;
    assertThatThrownBy(() -> r.read(key(1))).isInstanceOf(CorruptSSTableException.class)
        .hasMessageContaining("rg-1-Index.db at position 0");

    dir.image("rg-1-Statistics.db")[3] ^= 1;
    assertThatThrownBy(() -> SSTableReader.open(dir, 1, CMP, 128)).isInstanceOf(CorruptSSTableException.class)
        .hasMessageContaining("rg-1-Statistics.db");
  }

  @Test
  void should_honour_the_bloom_filter_false_positive_chance() {
    BloomFilter f = BloomFilter.create(10_000, 0.01);
    for (int i = 0; i < 10_000; i++) {
      f.add(key(i));
    }
    int falsePositives = 0;
    for (int i = 10_000; i < 110_000; i++) {
      if (f.mightContain(new DecoratedKey(i * 7919L, NativeType.INT.encode(i)))) {
        falsePositives++;
      }
    }
    for (int i = 0; i < 10_000; i++) {
      assertThat(f.mightContain(key(i))).isTrue();
    }
    assertThat(falsePositives).isBetween(1, 2000);
    assertThat(BloomFilter.create(10, 1.0).mightContain(key(99))).isTrue();
  }

  @Test
  void should_ignore_and_remove_an_sstable_without_its_table_of_contents() throws IOException {
    MemoryDirectory dir = new MemoryDirectory("t");
    write(dir, SSTableOptions.DEFAULT, List.of(everything(key(1))));
    dir.delete("rg-1-TOC.txt");
    assertThat(SSTables.open(dir)).isEmpty();
    assertThat(dir.list()).isEmpty();
  }
}
