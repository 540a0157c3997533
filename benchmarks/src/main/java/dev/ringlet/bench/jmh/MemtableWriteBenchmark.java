package dev.ringlet.bench.jmh;

import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.Memtable;
import dev.ringlet.internal.storage.PartitionUpdate;
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
 * The LSM table store's {@link Memtable} (what a table write goes to, unlike {@link
 * MemtableBenchmark}'s {@code MemoryTableStore}): overwriting the row of one of {@code partitions}
 * partitions of a table like the load command's {@code kv (k bigint PRIMARY KEY, v text)}
 * ({@code clustering = none}) or one row of such a partition with one int clustering column
 * ({@code int}), and reading a partition by key. Keys are fresh {@link DecoratedKey}s, as a request
 * decodes them, not the stored ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class MemtableWriteBenchmark {

  @Param({"10000"})
  public int partitions;

  @Param({"none", "int"})
  public String clustering;

  private Memtable memtable;
  private long[] keys;
  private final ByteBuffer value = ByteBuffer.wrap("v".repeat(64).getBytes(StandardCharsets.US_ASCII));
  private long timestamp = 1;
  private long now;
  private Clustering row;

  @Setup
  public void setUp() {
    boolean clustered = clustering.equals("int");
    memtable = new Memtable(clustered
        ? new ClusteringComparator(List.of(NativeType.INT), List.of(false))
        : new ClusteringComparator(List.of(), List.of()));
    row = clustered ? new Clustering(List.of(ByteBuffer.allocate(4).putInt(0, 1))) : Clustering.EMPTY;
    keys = new long[partitions];
    for (int i = 0; i < partitions; i++) {
      keys[i] = ThreadLocalRandom.current().nextLong();
    }
    now = System.currentTimeMillis() / 1000;
    for (long k : keys) {
      memtable.apply(update(key(k)));
    }
  }

  private static DecoratedKey key(long k) {
    ByteBuffer b = ByteBuffer.allocate(8).putLong(0, k);
    return new DecoratedKey(Murmur3Partitioner.token(b), b);
  }

  private PartitionUpdate update(DecoratedKey key) {
    long ts = timestamp++;
    RowUpdate r = new RowUpdate(row, LivenessInfo.of(ts, 0, now), DeletionTime.LIVE, Map.of("v", Cell.live(value, ts)));
    return new PartitionUpdate(key, DeletionTime.LIVE, List.of(), null, List.of(r));
  }

  @Benchmark
  public void write() {
    memtable.apply(update(key(keys[ThreadLocalRandom.current().nextInt(partitions)])));
  }

  @Benchmark
  public LivePartition read() {
    return memtable.read(key(keys[ThreadLocalRandom.current().nextInt(partitions)]), now);
  }
}
