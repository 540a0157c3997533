package dev.ringlet.bench.jmh;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@link MemoryTableStore}: writing one row into one of {@code partitions} partitions, reading a
 * partition of {@code rowsPerPartition} rows (a read resolves the whole partition), and reading a
 * slice of at most {@value #SLICE_ROWS} rows of it (a slice read resolves only those).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MemtableBenchmark {

  static final int SLICE_ROWS = 10;

  @Param({"10000"})
  public int partitions;

  @Param({"1", "100"})
  public int rowsPerPartition;

  private final ClusteringComparator comparator = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private MemoryTableStore store;
  private DecoratedKey[] keys;
  private final ByteBuffer value = ByteBuffer.wrap("v".repeat(64).getBytes(StandardCharsets.US_ASCII));
  private long timestamp = 1;
  private long now;

  @Setup
  public void setUp() {
    store = new MemoryTableStore(comparator);
    keys = new DecoratedKey[partitions];
    for (int i = 0; i < partitions; i++) {
      ByteBuffer k = ByteBuffer.allocate(8).putLong(0, i);
      keys[i] = new DecoratedKey(Murmur3Partitioner.token(k), k);
    }
    now = System.currentTimeMillis() / 1000;
    for (int i = 0; i < partitions; i++) {
      for (int r = 0; r < rowsPerPartition; r++) {
        store.apply(update(keys[i], r));
      }
    }
  }

  private PartitionUpdate update(DecoratedKey key, int row) {
    long ts = timestamp++;
    Clustering c = clustering(row);
    RowUpdate r = new RowUpdate(c, LivenessInfo.of(ts, 0, now), DeletionTime.LIVE, Map.of("v", Cell.live(value, ts)));
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of(r));
  }

  @Benchmark
  public void write() {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    store.apply(update(keys[rnd.nextInt(partitions)], rnd.nextInt(rowsPerPartition)));
  }

  @Benchmark
  public LivePartition read() {
    return store.read(keys[ThreadLocalRandom.current().nextInt(partitions)], now);
  }

  @Benchmark
  public LivePartition readSlice() {
    ThreadLocalRandom rnd = ThreadLocalRandom.current();
    int from = rnd.nextInt(Math.max(1, rowsPerPartition - SLICE_ROWS + 1));
    RowSlice slice = RowSlice.between(new Bound(clustering(from), true, true), new Bound(clustering(from + SLICE_ROWS), false, false),
        false);
    return store.readSlice(keys[rnd.nextInt(partitions)], slice, comparator, now);
  }

  private static Clustering clustering(int row) {
    return new Clustering(List.of(ByteBuffer.allocate(4).putInt(0, row)));
  }
}
