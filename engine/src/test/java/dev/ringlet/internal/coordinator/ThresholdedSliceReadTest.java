package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.exec.PartitionKeys;
import dev.ringlet.internal.exec.TableComparators;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.ForwardingTableStore;
import dev.ringlet.internal.storage.LivePartition;
import dev.ringlet.internal.storage.LiveRow;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.MemoryTableStore;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RangeTombstone;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.TableStore;
import dev.ringlet.internal.types.NativeType;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A slice read through the tombstone-counting layer reads the store once: it resolves the rows
 * from the raw slice it counted, and answers exactly what the store's own slice read answers, for
 * prefix and exclusive bounds, both walk directions, limits, row and range tombstones and expiring
 * data.
 */
class ThresholdedSliceReadTest {

  private static final ColumnMetadata K = new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
  private static final ColumnMetadata A = new ColumnMetadata("a", NativeType.INT, ColumnMetadata.Kind.CLUSTERING, 0, false);
  private static final ColumnMetadata B = new ColumnMetadata("b", NativeType.INT, ColumnMetadata.Kind.CLUSTERING, 1, false);
  private static final ColumnMetadata V = new ColumnMetadata("v", NativeType.INT, ColumnMetadata.Kind.REGULAR, -1, false);
  private static final TableMetadata TABLE = new TableMetadata("ks", "t", java.util.UUID.randomUUID(), List.of(K), List.of(A, B),
      List.of(V), TableParams.defaults(), false, false);
  private static final ClusteringComparator CMP = TableComparators.clustering(TABLE);
  private static final DecoratedKey KEY = PartitionKeys.decorate(TABLE, List.of(NativeType.INT.encode(7)));

  /** The node's store, counting the slice reads the layer above asks of it. */
  private static final class Reads extends ForwardingTableStore {
    int resolvedSlices;
    int rawSlices;

    Reads(TableStore store) {
      super(store);
    }

    @Override
    public LivePartition readSlice(DecoratedKey key, RowSlice slice, ClusteringComparator comparator, long nowInSeconds) {
      resolvedSlices++;
      return super.readSlice(key, slice, comparator, nowInSeconds);
    }

    @Override
    public PartitionUpdate readRawSlice(DecoratedKey key, Bound start, Bound end, ClusteringComparator comparator) {
      rawSlices++;
      return reads.readRawSlice(key, start, end, comparator);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void should_answer_what_the_store_answers_from_one_raw_read(long seed) {
    // Given a partition of rows (a in 0..5, b in 0..5), some expiring, some under range or row tombstones
    Random random = new Random(seed);
    MemoryTableStore store = new MemoryTableStore(CMP);
    long now = 1_000;
    long ts = 1;
    for (int i = 0; i < 60; i++) {
      store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
          List.of(row(c(random.nextInt(6), random.nextInt(6)), ts++, random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0, now))));
      if (random.nextInt(8) == 0) {
        Bound[] b = bounds(random);
        store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(new RangeTombstone(b[0], b[1], new DeletionTime(ts++, now))),
            null, List.of()));
      }
      if (random.nextInt(10) == 0) {
        store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
            List.of(new RowUpdate(c(random.nextInt(6), random.nextInt(6)), LivenessInfo.EMPTY, new DeletionTime(ts++, now), Map.of()))));
      }
    }
    long readAt = now + 2; // some TTLs have expired
    Reads reads = new Reads(store);
    ThresholdedTables tables = new ThresholdedTables(t -> reads, ReadThresholds.DEFAULTS, InetAddress.getLoopbackAddress());

    for (int i = 0; i < 300; i++) {
      Bound[] b = bounds(random);
      int limit = random.nextInt(3) == 0 ? Integer.MAX_VALUE : random.nextInt(5);
      RowSlice slice = new RowSlice(b[0], b[1], random.nextBoolean(), limit);

      // When the request's store reads the slice
      int rawBefore = reads.rawSlices;
      LivePartition read = tables.forRequest(ConsistencyLevel.ONE, null).store(TABLE).readSlice(KEY, slice, CMP, readAt);

      // Then it is the store's own answer, from one raw read of the store and no second read
      assertThat(describe(read)).as("%s", slice).isEqualTo(describe(store.readSlice(KEY, slice, CMP, readAt)));
      assertThat(reads.rawSlices - rawBefore).as("raw reads of %s", slice).isEqualTo(1);
      assertThat(reads.resolvedSlices).as("slice reads after the raw read").isZero();
    }
  }

  private static Clustering c(int... values) {
    List<ByteBuffer> v = new ArrayList<>();
    for (int i : values) {
      v.add(NativeType.INT.encode(i));
    }
    return new Clustering(v);
  }

  private static RowUpdate row(Clustering c, long ts, int ttl, long now) {
    return new RowUpdate(c, LivenessInfo.of(ts, ttl, now), DeletionTime.LIVE,
        Map.of("v", Cell.expiring(NativeType.INT.encode((int) ts), ts, ttl, now)));
  }

  private static Bound[] bounds(Random random) {
    return new Bound[] {bound(random, true), bound(random, false)};
  }

  private static Bound bound(Random random, boolean start) {
    int size = random.nextInt(3);
    Clustering prefix = size == 0 ? Clustering.EMPTY : size == 1 ? c(random.nextInt(6)) : c(random.nextInt(6), random.nextInt(6));
    return new Bound(prefix, start, size == 0 || random.nextBoolean());
  }

  private static String describe(LivePartition p) {
    StringBuilder b = new StringBuilder("static ").append(p.staticRow().isEmpty());
    for (LiveRow r : p.rows()) {
      b.append("\n  ").append(r.clustering().values().stream().map(v -> NativeType.INT.decode(v).toString()).toList())
          .append(" marker=").append(r.liveness().isEmpty() ? "-" : Long.toString(r.liveness().timestamp()))
          .append(" v=").append(r.cell("v") == null ? "-" : NativeType.INT.decode(r.cell("v").value()));
    }
    return b.toString();
  }
}
