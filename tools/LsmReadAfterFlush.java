import dev.ringlet.internal.dht.Murmur3Partitioner;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.lsm.LsmTableStore;
import dev.ringlet.internal.storage.lsm.StorageEnvironment;
import dev.ringlet.internal.storage.lsm.TableOptions;
import dev.ringlet.internal.storage.sstable.MemoryDirectory;
import dev.ringlet.internal.time.Clock;
import dev.ringlet.internal.types.NativeType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Reads of a table whose data is partly flushed: the storage engine alone, one thread, CPU time per
 * read. 1,000 partitions of 100 rows (100-byte values) are written and flushed to an in-memory
 * SSTable, then every 10th row of every partition is written again, so each partition has a version
 * in the memtable and one in the SSTable, as after the first flush of a test's table. Measures a
 * 10-row slice, a 20-row page from a random position, a whole-partition read and a raw read.
 *
 * <p>Run against any build's benchmark jar (it uses only engine types that jar has):
 * {@code java -cp benchmarks/target/ringlet-benchmarks.jar tools/LsmReadAfterFlush.java [rounds]}
 */
public class LsmReadAfterFlush {

  static final int PARTITIONS = 1000;
  static final int ROWS = 100;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    ClusteringComparator cmp = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
    StorageEnvironment env = new StorageEnvironment(Clock.system(), null, 512L * 1024 * 1024, true);
    TableOptions options = TableOptions.of(TableParams.defaults());
    LsmTableStore store = new LsmTableStore(UUID.randomUUID(), "bench.t", cmp, () -> options, Map.of(),
        new MemoryDirectory("bench"), env);
    Random random = new Random(42);
    byte[] value = new byte[100];
    long ts = 1;
    for (int p = 0; p < PARTITIONS; p++) {
      for (int r = 0; r < ROWS; r++) {
        write(store, p, r, value, random, ts++);
      }
    }
    store.flush();
    for (int p = 0; p < PARTITIONS; p++) {
      for (int r = 0; r < ROWS; r += 10) {
        write(store, p, r, value, random, ts++);
      }
    }
    long now = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    String[] names = {"slice 10 rows", "page of 20 rows", "whole partition", "raw partition"};
    int[] reads = {200_000, 100_000, 20_000, 20_000};
    for (int round = 0; round < rounds; round++) {
      StringBuilder line = new StringBuilder("round " + round + ":");
      for (int w = 0; w < names.length; w++) {
        long sink = 0;
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < reads[w]; i++) {
          DecoratedKey k = key(random.nextInt(PARTITIONS));
          int from = random.nextInt(ROWS - 20);
          switch (w) {
            case 0:
              sink += store.readSlice(k, new RowSlice(new Bound(c(from), true, true), new Bound(c(from + 10), false, false), false,
                  Integer.MAX_VALUE), cmp, now).rows().size();
              break;
            case 1:
              sink += store.readSlice(k, new RowSlice(new Bound(c(from), true, false), Bound.TOP, false, 20), cmp, now).rows().size();
              break;
            case 2:
              sink += store.read(k, now).rows().size();
              break;
            default:
              sink += store.readRaw(k).rows().size();
          }
        }
        double us = (threads.getCurrentThreadCpuTime() - cpu0) / 1000.0 / reads[w];
        line.append(String.format(java.util.Locale.ROOT, "  %s %.2f us/read", names[w], us));
        if (sink == 42) {
          System.out.print("");
        }
      }
      System.out.println(line);
    }
    store.close(false);
    env.close();
  }

  static void write(LsmTableStore store, int p, int r, byte[] value, Random random, long ts) {
    random.nextBytes(value);
    RowUpdate row = new RowUpdate(c(r), LivenessInfo.of(ts, 0, 0), DeletionTime.LIVE,
        Map.of("v", Cell.live(ByteBuffer.wrap(value.clone()), ts)));
    store.apply(new PartitionUpdate(key(p), DeletionTime.LIVE, List.of(), null, List.of(row)));
  }

  static DecoratedKey key(int p) {
    ByteBuffer k = NativeType.INT.encode(p);
    return new DecoratedKey(Murmur3Partitioner.token(k), k);
  }

  static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }
}
