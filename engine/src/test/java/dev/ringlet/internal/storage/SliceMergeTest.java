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
 * Versions of a partition merged row by row for a slice ({@link SliceMerge}) must read exactly as
 * the partition that applying every version builds: overlapping rows reconciled, deletions of one
 * version (partition, range, row, a view's shadowable one) hiding another's rows, expiring data,
 * both directions, limits, static rows.
 */
class SliceMergeTest {

  /** (a int ASC, b int DESC). */
  private static final ClusteringComparator CMP =
      new ClusteringComparator(List.of(NativeType.INT, NativeType.INT), List.of(false, true));
  private static final DecoratedKey KEY = new DecoratedKey(7, NativeType.INT.encode(7));

  private static Clustering c(int... values) {
    List<ByteBuffer> v = new ArrayList<>();
    for (int i : values) {
      v.add(NativeType.INT.encode(i));
    }
    return new Clustering(v);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void should_read_as_the_partition_all_versions_build(long seed) {
    // Given three versions of one partition (three stores, as a memtable and two SSTables hold them),
    // with overlapping rows, row, range and partition deletions, expiring data and static cells
    Random random = new Random(seed);
    long now = 1_000;
    List<MemoryTableStore> sources = List.of(new MemoryTableStore(CMP), new MemoryTableStore(CMP), new MemoryTableStore(CMP));
    MemoryTableStore whole = new MemoryTableStore(CMP);
    long ts = 1;
    for (int i = 0; i < 80; i++) {
      PartitionUpdate u = randomUpdate(random, ts++, now);
      sources.get(random.nextInt(3)).apply(u);
      whole.apply(u);
    }
    List<PartitionUpdate> versions = new ArrayList<>();
    for (MemoryTableStore s : sources) {
      PartitionUpdate raw = s.readRaw(KEY);
      if (raw != null) {
        versions.add(raw);
      }
    }
    long readAt = now + 2; // some TTLs have expired

    // When / Then: the versions merged hold what the whole partition holds
    PartitionUpdate merged = PartitionMerge.merge(CMP, versions);
    PartitionUpdate expected = whole.readRaw(KEY);
    assertThat(merged.rows()).isEqualTo(expected.rows());
    assertThat(merged.staticRow()).isEqualTo(expected.staticRow());
    assertThat(merged.partitionDeletion()).isEqualTo(expected.partitionDeletion());
    assertThat(merged.rangeTombstones()).containsExactlyInAnyOrderElementsOf(expected.rangeTombstones());
    // and every slice of the merged versions reads as the slice of the whole partition
    assertThat(describe(PartitionMerge.resolve(CMP, KEY, versions, readAt))).isEqualTo(describe(whole.read(KEY, readAt)));
    for (int i = 0; i < 300; i++) {
      Bound start = bound(random, true);
      Bound end = bound(random, false);
      int limit = random.nextInt(3) == 0 ? Integer.MAX_VALUE : random.nextInt(5);
      RowSlice slice = new RowSlice(start, end, random.nextBoolean(), limit);
      assertThat(describe(PartitionMerge.resolveStored(CMP, KEY, versions, slice, readAt))).as("%s", slice)
          .isEqualTo(describe(whole.readSlice(KEY, slice, CMP, readAt)));
      // Each version may also be cut to the slice's bounds first, as stores read them.
      List<PartitionUpdate> cut = new ArrayList<>();
      for (MemoryTableStore s : sources) {
        PartitionUpdate raw = s.readRawSlice(KEY, start, end);
        if (raw != null) {
          cut.add(raw);
        }
      }
      assertThat(describe(PartitionMerge.resolveStored(CMP, KEY, cut, slice, readAt))).as("cut %s", slice)
          .isEqualTo(describe(whole.readSlice(KEY, slice, CMP, readAt)));
    }
  }

  @Test
  void should_merge_versions_whose_rows_are_out_of_order_through_a_partition() {
    // Given an update written by a statement, rows not in clustering order
    RowUpdate late = new RowUpdate(c(2, 0), LivenessInfo.of(5, 0, 0), DeletionTime.LIVE, Map.of());
    RowUpdate early = new RowUpdate(c(1, 0), LivenessInfo.of(5, 0, 0), DeletionTime.LIVE, Map.of());
    PartitionUpdate unsorted = new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(late, early));

    // When
    LivePartition read = PartitionMerge.resolve(CMP, KEY, List.of(unsorted), 0);

    // Then
    assertThat(SliceMerge.isSorted(CMP, unsorted)).isFalse();
    assertThat(read.rows()).extracting(LiveRow::clustering).containsExactly(c(1, 0), c(2, 0));
  }

  private static PartitionUpdate randomUpdate(Random random, long ts, long now) {
    int kind = random.nextInt(20);
    if (kind == 0) {
      return new PartitionUpdate(KEY, new DeletionTime(ts, now), List.of(), null, List.of());
    }
    if (kind <= 2) {
      return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(new RangeTombstone(bound(random, true), bound(random, false),
          new DeletionTime(ts, now))), null, List.of());
    }
    if (kind <= 4) {
      return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
          List.of(new RowUpdate(c(random.nextInt(6), random.nextInt(6)), LivenessInfo.EMPTY, new DeletionTime(ts, now), Map.of())));
    }
    int ttl = random.nextInt(5) == 0 ? 1 + random.nextInt(3) : 0;
    if (kind == 6) {
      // A view's row: a shadowable deletion, which a newer marker of the same row outlives
      LivenessInfo marker = random.nextBoolean() ? LivenessInfo.of(ts, ttl, now) : LivenessInfo.EMPTY;
      DeletionTime shadowable = new DeletionTime(ts - 1 + random.nextInt(3), now);
      return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(
          c(random.nextInt(6), random.nextInt(6)), marker, DeletionTime.LIVE,
          Map.of("v", Cell.expiring(NativeType.INT.encode((int) ts), ts - 1, ttl, now)), Map.of(), shadowable)));
    }
    if (kind == 5) {
      RowUpdate statics = new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE,
          Map.of("s", Cell.expiring(NativeType.INT.encode((int) ts), ts, ttl, now)));
      return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), statics, List.of());
    }
    // Half the writes set only a cell (an UPDATE), so a row's marker and cells may come from different versions.
    Clustering c = c(random.nextInt(6), random.nextInt(6));
    LivenessInfo marker = random.nextBoolean() ? LivenessInfo.of(ts, ttl, now) : LivenessInfo.EMPTY;
    String column = random.nextBoolean() ? "v" : "w";
    return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(new RowUpdate(c, marker, DeletionTime.LIVE,
        Map.of(column, Cell.expiring(NativeType.INT.encode((int) ts), ts, ttl, now)))));
  }

  /** A start or end bound on a prefix of 0, 1 or 2 columns, inclusive or not. */
  private static Bound bound(Random random, boolean start) {
    int size = random.nextInt(3);
    Clustering prefix = size == 0 ? Clustering.EMPTY : size == 1 ? c(random.nextInt(6)) : c(random.nextInt(6), random.nextInt(6));
    return new Bound(prefix, start, size == 0 || random.nextBoolean());
  }

  private static String describe(LivePartition p) {
    StringBuilder b = new StringBuilder("static ").append(cell(p.staticRow(), "s"));
    for (LiveRow r : p.rows()) {
      b.append("\n  ").append(r.clustering().values().stream().map(v -> NativeType.INT.decode(v).toString()).toList())
          .append(" marker=").append(r.liveness().isEmpty() ? "-" : Long.toString(r.liveness().timestamp()))
          .append(" v=").append(cell(r, "v")).append(" w=").append(cell(r, "w"));
    }
    return b.toString();
  }

  private static String cell(LiveRow r, String column) {
    Cell c = r.cell(column);
    return c == null ? "-" : NativeType.INT.decode(c.value()) + "@" + c.timestamp();
  }
}
