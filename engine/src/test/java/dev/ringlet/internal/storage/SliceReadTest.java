package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A slice read resolves only the rows it selects: it must return exactly what cutting the whole
 * partition's read to the slice returns, for prefix bounds, exclusive bounds, a DESC clustering
 * column, both walk directions, limits, range tombstones and expiring data; so must its stored rows
 * between the bounds, and what counting tombstones finds in them.
 */
class SliceReadTest {

  /** (a int ASC, b int DESC). */
  private static final ClusteringComparator CMP =
      new ClusteringComparator(List.of(NativeType.INT, NativeType.INT), List.of(false, true));
  private static final DecoratedKey KEY = new DecoratedKey(7, NativeType.INT.encode(7));

  private final MemoryTableStore store = new MemoryTableStore(CMP);

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

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void should_equal_the_whole_partition_cut_to_the_slice(long seed) {
    // Given a partition of rows (a in 0..5, b in 0..5), some expiring, some under range or row tombstones
    Random random = new Random(seed);
    long now = 1_000;
    long ts = 1;
    for (int i = 0; i < 60; i++) {
      Clustering c = c(random.nextInt(6), random.nextInt(6));
      store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
          List.of(row(c, ts++, random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0, now))));
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

    // When / Then: every kind of slice agrees with the whole read cut to it
    for (int i = 0; i < 400; i++) {
      Bound[] b = bounds(random);
      int limit = random.nextInt(3) == 0 ? Integer.MAX_VALUE : random.nextInt(5);
      RowSlice slice = new RowSlice(b[0], b[1], random.nextBoolean(), limit);
      assertThat(describe(store.readSlice(KEY, slice, CMP, readAt))).as("%s", slice)
          .isEqualTo(describe(slice.of(store.read(KEY, readAt), CMP)));
      // the stored rows of the slice's bounds, what tombstone counting walks, are the whole partition's cut to them
      PartitionUpdate raw = store.readRawSlice(KEY, b[0], b[1]);
      PartitionUpdate whole = store.readRaw(KEY);
      assertThat(raw.rows()).as("raw %s", slice)
          .isEqualTo(whole.rows().stream().filter(r -> CMP.contains(b[0], b[1], r.clustering())).toList());
      TombstoneCount.SliceCount ofRaw = TombstoneCount.of(raw, slice, CMP, readAt);
      TombstoneCount.SliceCount ofWhole = TombstoneCount.of(whole, slice, CMP, readAt);
      assertThat(List.of(ofRaw.liveRows(), ofRaw.tombstones(), ofRaw.liveClusterings())).as("count %s", slice)
          .isEqualTo(List.of(ofWhole.liveRows(), ofWhole.tombstones(), ofWhole.liveClusterings()));
    }
  }

  @Test
  void should_walk_a_desc_column_in_clustering_order_and_stop_at_the_limit() {
    // Given rows (1, 0..4): b is DESC, so the clustering order is b = 4, 3, 2, 1, 0
    for (int b = 0; b < 5; b++) {
      store.apply(new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(row(c(1, b), 10, 0, 0))));
    }
    // When: the rows of a = 1 from b = 3 (inclusive) to b = 1 (exclusive), in clustering order
    RowSlice slice = new RowSlice(new Bound(c(1, 3), true, true), new Bound(c(1, 1), false, false), false, Integer.MAX_VALUE);

    // Then
    assertThat(bs(store.readSlice(KEY, slice, CMP, 0))).containsExactly(3, 2);
    assertThat(bs(store.readSlice(KEY, slice.reversedWalk(), CMP, 0))).containsExactly(2, 3);
    assertThat(bs(store.readSlice(KEY, new RowSlice(new Bound(c(1), true, true), new Bound(c(1), false, true), true, 2), CMP, 0)))
        .containsExactly(0, 1);
    assertThat(bs(store.readSlice(KEY, new RowSlice(new Bound(c(2), true, true), new Bound(c(1, 0), false, true), false, 9), CMP, 0)))
        .isEmpty(); // start after end
  }

  private static List<Integer> bs(LivePartition p) {
    return p.rows().stream().map(r -> (Integer) NativeType.INT.decode(r.clustering().get(1))).toList();
  }

  /** A random start and end bound on a prefix of 0, 1 or 2 columns, inclusive or not. */
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
