package dev.ringlet.internal.storage.lsm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.schema.CompactionParams;
import dev.ringlet.internal.schema.CompressionParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.ComplexColumn;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.commitlog.CommitLog;
import dev.ringlet.internal.storage.commitlog.CommitLogOptions;
import dev.ringlet.internal.storage.commitlog.CommitLogReplayer;
import dev.ringlet.internal.storage.sstable.ChunkCompressor;
import dev.ringlet.internal.storage.sstable.FileDirectory;
import dev.ringlet.internal.storage.sstable.SSTableOptions;
import dev.ringlet.internal.time.ManualClock;
import dev.ringlet.internal.types.NativeType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Model-based test of the log-structured store: seeded random inserts, updates, deletions of every
 * kind (cell, row, range, partition, collection), TTLs, counters of time, flushes, compactions with
 * each strategy and crash-restarts (commit-log replay) are applied both to the store and to a
 * reference model — the foundation's in-memory store, which never flushes, compacts or purges and
 * keeps every version — and after every step a read of a random partition, a slice and a full scan
 * must agree with the model. gc_grace_seconds is 5 s, so tombstones and expired TTLs are purged all
 * the time, and a purge that resurrected or lost data would show.
 */
class StorageModelTest {

  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final UUID TABLE = UUID.fromString("00000000-0000-0000-0000-000000000042");

  @TempDir
  Path tmp;

  private ManualClock clock;
  private Random random;
  private long timestamp;
  private TableOptions options;
  private CommitLog log;
  private StorageEnvironment env;
  private LsmTableStore store;
  private MemoryTableStore model;

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({
      "SizeTieredCompactionStrategy, 1", "SizeTieredCompactionStrategy, 2",
      "LeveledCompactionStrategy, 3", "LeveledCompactionStrategy, 4",
      "TimeWindowCompactionStrategy, 5", "TimeWindowCompactionStrategy, 6"})
  void should_agree_with_the_model_through_flushes_compactions_and_restarts(String strategy, long seed) throws IOException {
    random = new Random(seed);
    clock = new ManualClock(1_700_000_000_000_000L);
    timestamp = clock.currentTimeMicros();
    Map<String, String> compaction = new HashMap<>(Map.of("class", strategy));
    switch (strategy) {
      case "LeveledCompactionStrategy":
        compaction.put("sstable_size_in_mb", "1");
        break;
      case "TimeWindowCompactionStrategy":
        compaction.put("compaction_window_unit", "MINUTES");
        compaction.put("compaction_window_size", "1");
        compaction.put("min_threshold", "2");
        break;
      default:
        compaction.put("min_threshold", "2");
    }
    options = new TableOptions(new SSTableOptions(ChunkCompressor.LZ4, 1024, 0.01, 4, 512), 5,
        CompactionParams.fromMap(compaction));
    assertThat(CompressionParams.DEFAULT.chunkLengthInKb()).isEqualTo(16);
    model = new MemoryTableStore(CMP);
    open();
    for (int step = 0; step < 500; step++) {
      lastStep = step();
      check(step);
    }
    close(true);
  }

  private void open() throws IOException {
    log = CommitLog.open(CommitLogOptions.defaults(tmp.resolve("commitlog"), CommitLogOptions.Sync.PERIODIC));
    env = new StorageEnvironment(clock, log, Long.MAX_VALUE, false);
    store = new LsmTableStore(TABLE, "ks.t", CMP, () -> options, Map.of(), new FileDirectory(tmp.resolve("t")), env);
    CommitLogReplayer.replay(log.segmentsToReplay(), id -> id.equals(TABLE) ? store.replayTarget() : null);
    store.flush();
    log.discardReplayed();
  }

  private void close(boolean clean) {
    store.close(clean);
    env.close();
    log.close();
  }

  private String lastStep;

  private String step() throws IOException {
    int dice = random.nextInt(100);
    if (dice < 45) {
      write(randomWrite());
      return "write";
    } else if (dice < 58) {
      write(randomDeletion());
      return "deletion";
    } else if (dice < 70) {
      clock.advance(Duration.ofSeconds(1 + random.nextInt(4)));
      return "time";
    } else if (dice < 80) {
      store.flush();
      return "flush";
    } else if (dice < 88) {
      store.compactOnce();
      return "compact";
    } else if (dice < 91) {
      store.compactMajor();
      return "major";
    } else if (dice < 94) {
      boolean clean = random.nextBoolean();
      close(clean);
      open();
      return "restart " + clean;
    } else {
      write(randomWrite());
      return "write";
    }
  }

  private void write(PartitionUpdate u) {
    store.apply(u);
    model.apply(u);
  }

  private long nextTimestamp() {
    // timestamps follow the clock, as a client's would: a write back-dated by less than a second can
    // never be older than a tombstone purged after gc grace (data written "before" a purged tombstone
    // may reappear in Cassandra too, and is outside what the model checks)
    timestamp = Math.max(timestamp + 1 + random.nextInt(3), clock.currentTimeMicros());
    // now and then a write "in the past" (USING TIMESTAMP), or exactly tied with the latest
    int r = random.nextInt(20);
    return r == 0 ? timestamp - random.nextInt(50) : r == 1 ? timestamp - 1 : timestamp;
  }

  private long now() {
    return clock.nowInSeconds();
  }

  private static DecoratedKey key(int k) {
    ByteBuffer b = NativeType.INT.encode(k);
    return new DecoratedKey((k * 0x9E3779B97F4A7C15L) >> 8, b);
  }

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  private int ttl() {
    return random.nextInt(3) == 0 ? 1 + random.nextInt(8) : 0;
  }

  private PartitionUpdate randomWrite() {
    DecoratedKey k = key(random.nextInt(6));
    long ts = nextTimestamp();
    int ttl = ttl();
    List<RowUpdate> rows = new ArrayList<>();
    RowUpdate statics = null;
    int kind = random.nextInt(4);
    if (kind == 0) {
      statics = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
          Map.of("s", Cell.expiring(NativeType.TEXT.encode("s" + ts), ts, ttl, now())));
    }
    int n = 1 + random.nextInt(kind == 3 ? 40 : 3);
    for (int i = 0; i < n; i++) {
      int row = random.nextInt(kind == 3 ? 200 : 12);
      Map<String, Cell> cells = new HashMap<>();
      if (random.nextBoolean()) {
        cells.put("v", Cell.expiring(NativeType.TEXT.encode("v" + ts + "-" + i), ts, ttl, now()));
      }
      if (random.nextBoolean()) {
        cells.put("w", Cell.expiring(NativeType.INT.encode(random.nextInt(1000)), ts, ttl, now()));
      }
      Map<String, ComplexColumn> complex = new HashMap<>();
      if (random.nextInt(4) == 0) {
        DeletionTime overwrite = random.nextBoolean() ? new DeletionTime(ts - 1, now()) : DeletionTime.LIVE;
        complex.put("m", new ComplexColumn(overwrite,
            Map.of(NativeType.INT.encode(random.nextInt(5)), Cell.expiring(NativeType.INT.encode(i), ts, ttl, now()))));
      }
      LivenessInfo liveness = random.nextBoolean() ? LivenessInfo.of(ts, ttl, now()) : LivenessInfo.EMPTY;
      rows.add(new RowUpdate(c(row), liveness, DeletionTime.LIVE, cells, complex));
    }
    return new PartitionUpdate(k, DeletionTime.LIVE, List.of(), statics, rows);
  }

  private PartitionUpdate randomDeletion() {
    DecoratedKey k = key(random.nextInt(6));
    long ts = nextTimestamp();
    DeletionTime d = new DeletionTime(ts, now());
    switch (random.nextInt(5)) {
      case 0:
        return new PartitionUpdate(k, d, List.of(), null, List.of());
      case 1: {
        int from = random.nextInt(12);
        int to = from + random.nextInt(5);
        RangeTombstone rt = new RangeTombstone(new Bound(c(from), true, random.nextBoolean()),
            new Bound(c(to), false, random.nextBoolean()), d);
        return new PartitionUpdate(k, DeletionTime.LIVE, List.of(rt), null, List.of());
      }
      case 2:
        return new PartitionUpdate(k, DeletionTime.LIVE, List.of(), null,
            List.of(new RowUpdate(c(random.nextInt(12)), LivenessInfo.EMPTY, d, Map.of())));
      case 3:
        return new PartitionUpdate(k, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(c(random.nextInt(12)),
            LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(random.nextBoolean() ? "v" : "w", Cell.tombstone(ts, now())))));
      default:
        return new PartitionUpdate(k, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(c(random.nextInt(12)),
            LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of(), Map.of("m", new ComplexColumn(d, Map.of())))));
    }
  }

  private void check(int step) {
    long now = now();
    DecoratedKey k = key(random.nextInt(6));
    assertThat(describe(store.read(k, now))).as("step %d (%s): read of %s", step, lastStep, k).isEqualTo(describe(model.read(k, now)));
    int from = random.nextInt(12);
    Bound start = random.nextInt(8) == 0 ? Bound.BOTTOM : new Bound(c(from), true, random.nextBoolean());
    Bound end = random.nextInt(8) == 0 ? Bound.TOP : new Bound(c(from + random.nextInt(6)), false, random.nextBoolean());
    boolean reversed = random.nextBoolean();
    assertThat(describe(store.readSlice(k, start, end, reversed, CMP, now))).as("step %d: slice", step)
        .isEqualTo(describe(model.readSlice(k, start, end, reversed, CMP, now)));
    // A slice with a limit reads only part of the partition: it must agree with cutting the whole read.
    RowSlice limited = new RowSlice(start, end, reversed, random.nextInt(4) + 1);
    String expected = describe(limited.of(model.read(k, now), CMP));
    assertThat(describe(store.readSlice(k, limited, CMP, now))).as("step %d: slice %s", step, limited).isEqualTo(expected);
    assertThat(describe(model.readSlice(k, limited, CMP, now))).as("step %d: model slice %s", step, limited).isEqualTo(expected);
    if (random.nextInt(5) == 0) {
      List<String> raw = new ArrayList<>();
      store.scanRaw(null, true).forEachRemaining(p -> {
        LivePartition lp = dev.ringlet.internal.storage.PartitionMerge.resolve(CMP, p.key(), List.of(p), now);
        if (!lp.isEmpty()) {
          raw.add(describe(lp));
        }
      });
      assertThat(raw).as("step %d: raw scan", step).isEqualTo(scan(model.scan(null, true, now)));
      assertThat(scan(store.scan(null, true, now))).as("step %d: scan", step).isEqualTo(scan(model.scan(null, true, now)));
    }
  }

  private static List<String> scan(Iterator<LivePartition> it) {
    List<String> out = new ArrayList<>();
    it.forEachRemaining(p -> out.add(describe(p)));
    return out;
  }

  private static String hex(ByteBuffer b) {
    StringBuilder s = new StringBuilder();
    for (int i = b.position(); i < b.limit(); i++) {
      s.append(String.format("%02x", b.get(i)));
    }
    return s.toString();
  }

  /** A canonical text of what a read sees: values, timestamps and remaining TTLs. */
  private static String describe(LivePartition p) {
    StringBuilder b = new StringBuilder(Long.toString(p.key().token())).append(" static ").append(row(p.staticRow()));
    for (LiveRow r : p.rows()) {
      b.append("\n  ").append(row(r));
    }
    return b.toString();
  }

  private static String row(LiveRow r) {
    StringBuilder b = new StringBuilder();
    b.append(r.clustering().values().stream().map(v -> NativeType.INT.decode(v).toString()).toList());
    b.append(" marker=").append(r.liveness().isEmpty() ? "-" : r.liveness().timestamp() + "/" + r.liveness().expiresAt());
    new java.util.TreeMap<>(r.cells()).forEach((name, cell) -> b.append(' ').append(name).append('=')
        .append(hex(cell.value())).append('@').append(cell.timestamp()).append('/').append(cell.localDeletionTime()));
    new java.util.TreeMap<>(r.complex()).forEach((name, cells) -> {
      b.append(' ').append(name).append("={");
      cells.entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> b.append(e.getKey().getInt(0)).append(':').append(e.getValue().value().getInt(0))
              .append('@').append(e.getValue().timestamp()).append(','));
      b.append('}');
    });
    return b.toString();
  }
}
