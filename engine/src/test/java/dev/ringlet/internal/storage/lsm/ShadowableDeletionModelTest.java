package dev.ringlet.internal.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.storage.sstable.ChunkCompressor;
import dev.ringlet.internal.storage.sstable.MemoryDirectory;
import dev.ringlet.internal.storage.sstable.SSTableOptions;
import dev.ringlet.internal.storage.sstable.Serialization;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.NativeType;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Shadowable row deletions against a simple model: random versions of one row (liveness, regular
 * and shadowable deletions, cells), applied in random orders to the memtable, through SSTable
 * flushes and compactions and through the row serialization, must read as the model says: the
 * latest shadowable deletion applies unless the latest liveness is newer; the latest regular
 * deletion always applies; a cell or the liveness is visible when newer than what applies.
 */
class ShadowableDeletionModelTest {

  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final DecoratedKey KEY = new DecoratedKey(7, NativeType.INT.encode(7));
  private static final Clustering ROW = new Clustering(List.of(NativeType.INT.encode(1)));
  private static final long T0 = 1_700_000_000L;
  private static final List<String> COLUMNS = List.of("a", "b", "c");

  private static List<RowUpdate> randomVersions(Random random) {
    List<RowUpdate> versions = new ArrayList<>();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      LivenessInfo liveness = random.nextInt(3) == 0 ? LivenessInfo.of(ts(random), 0, T0) : LivenessInfo.EMPTY;
      DeletionTime regular = random.nextInt(5) == 0 ? new DeletionTime(ts(random), T0) : DeletionTime.LIVE;
      DeletionTime shadowable = random.nextInt(3) == 0 ? new DeletionTime(ts(random), T0) : DeletionTime.LIVE;
      Map<String, Cell> cells = new HashMap<>();
      for (String column : COLUMNS) {
        if (random.nextInt(3) == 0) {
          long ts = ts(random);
          cells.put(column, Cell.live(NativeType.INT.encode((int) ts), ts));
        }
      }
      versions.add(new RowUpdate(ROW, liveness, regular, cells, Map.of(), shadowable));
    }
    return versions;
  }

  /** Few distinct timestamps, so ties between liveness, deletions and cells are common. */
  private static long ts(Random random) {
    return 10 * (1 + random.nextInt(8));
  }

  /** What a read must see: liveness timestamp (or null) and the visible cells' timestamps. */
  private static Map<String, Long> model(List<RowUpdate> versions) {
    long liveness = Long.MIN_VALUE;
    long regular = Long.MIN_VALUE;
    long shadowable = Long.MIN_VALUE;
    Map<String, Long> cells = new TreeMap<>();
    for (RowUpdate v : versions) {
      if (!v.liveness().isEmpty()) {
        liveness = Math.max(liveness, v.liveness().timestamp());
      }
      regular = Math.max(regular, v.deletion().markedForDeleteAt());
      shadowable = Math.max(shadowable, v.shadowableDeletion().markedForDeleteAt());
      v.cells().forEach((name, cell) -> cells.merge(name, cell.timestamp(), Math::max));
    }
    long applied = liveness > shadowable ? regular : Math.max(regular, shadowable);
    Map<String, Long> visible = new TreeMap<>();
    if (liveness != Long.MIN_VALUE && liveness > applied) {
      visible.put("<liveness>", liveness);
    }
    cells.forEach((name, ts) -> {
      if (ts > applied) {
        visible.put(name, ts);
      }
    });
    return visible;
  }

  private static Map<String, Long> seen(LiveRow row) {
    Map<String, Long> out = new TreeMap<>();
    if (row == null) {
      return out;
    }
    if (!row.liveness().isEmpty()) {
      out.put("<liveness>", row.liveness().timestamp());
    }
    row.cells().forEach((name, cell) -> out.put(name, cell.timestamp()));
    return out;
  }

  private static LiveRow only(List<LiveRow> rows) {
    return rows.isEmpty() ? null : rows.get(0);
  }

  private static PartitionUpdate partition(RowUpdate row) {
    return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(row));
  }

  private static PartitionUpdate roundTrip(PartitionUpdate u) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Serialization.writePartition(u, new DataOutputStream(bytes));
    return Serialization.readPartition(ByteBuffer.wrap(bytes.toByteArray()));
  }

  @Test
  void should_read_every_merge_order_of_random_versions_as_the_model() throws IOException {
    Random random = new Random(20261122);
    for (int round = 0; round < 2000; round++) {
      List<RowUpdate> versions = randomVersions(random);
      Map<String, Long> expected = model(versions);

      List<RowUpdate> shuffled = new ArrayList<>(versions);
      Collections.shuffle(shuffled, random);
      MemoryTableStore memory = new MemoryTableStore(CMP);
      for (RowUpdate v : shuffled) {
        memory.apply(roundTrip(partition(v)));
      }
      assertThat(seen(only(memory.read(KEY, T0).rows()))).as("memtable, round %d: %s", round, versions).isEqualTo(expected);

      ManualClock clock = new ManualClock(T0 * 1_000_000);
      TableOptions options = new TableOptions(new SSTableOptions(ChunkCompressor.LZ4, 256, 0.01, 128, 1024), 10,
          CompactionParams.DEFAULT);
      LsmTableStore lsm = new LsmTableStore(UUID.randomUUID(), "ks.v", CMP, () -> options, Map.of(),
          new MemoryDirectory("ks/v"), new StorageEnvironment(clock, null, Long.MAX_VALUE, false));
      Collections.shuffle(shuffled, random);
      for (RowUpdate v : shuffled) {
        lsm.apply(partition(v));
        if (random.nextBoolean()) {
          lsm.flush();
        }
      }
      assertThat(seen(only(lsm.read(KEY, T0).rows()))).as("sstables, round %d: %s", round, versions).isEqualTo(expected);
      lsm.flush();
      lsm.compactMajor();
      assertThat(seen(only(lsm.read(KEY, T0).rows()))).as("compacted, round %d: %s", round, versions).isEqualTo(expected);
    }
  }

  @Test
  void should_bring_back_older_cells_when_a_newer_liveness_overrides_the_shadowable_deletion() {
    MemoryTableStore memory = new MemoryTableStore(CMP);
    memory.apply(partition(new RowUpdate(ROW, LivenessInfo.of(1000, 0, T0), DeletionTime.LIVE,
        Map.of("w", Cell.live(NativeType.INT.encode(1), 1000)))));
    memory.apply(partition(new RowUpdate(ROW, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of(),
        new DeletionTime(3000, T0))));
    assertThat(memory.read(KEY, T0).rows()).isEmpty();
    memory.apply(partition(new RowUpdate(ROW, LivenessInfo.of(4000, 0, T0), DeletionTime.LIVE, Map.of())));
    assertThat(seen(only(memory.read(KEY, T0).rows()))).containsEntry("w", 1000L).containsEntry("<liveness>", 4000L);
  }
}
