package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.exec.select.RowFilter;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.schema.TableMetadata;
import dev.ringlet.internal.schema.TableParams;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.storage.RowUpdate;
import dev.ringlet.internal.storage.TombstoneCount;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A replica's count of a filtered command: every row it walks, up to the one that fills its limit of
 * matching rows; for a command an index serves, only the rows the index finds.
 */
class FilteredScanTest {

  private static final long NOW = 1_000;
  private static final ClusteringComparator CMP = new ClusteringComparator(List.of(NativeType.INT), List.of(false));
  private static final ColumnMetadata K = new ColumnMetadata("k", NativeType.INT, ColumnMetadata.Kind.PARTITION_KEY, 0, false);
  private static final ColumnMetadata C = new ColumnMetadata("c", NativeType.INT, ColumnMetadata.Kind.CLUSTERING, 0, false);
  private static final ColumnMetadata V = new ColumnMetadata("v", NativeType.INT, ColumnMetadata.Kind.REGULAR, -1, false);
  private static final TableMetadata TABLE = new TableMetadata("ks", "t", UUID.randomUUID(), List.of(K), List.of(C), List.of(V),
      TableParams.defaults(), false, false);
  private static final DecoratedKey KEY = new DecoratedKey(7, NativeType.INT.encode(1));

  private static Clustering c(int i) {
    return new Clustering(List.of(NativeType.INT.encode(i)));
  }

  /** Live rows at 0 (v = 1), 1 (v = 0), 20 (v = 1); deleted rows 2..12 between them. */
  private static PartitionUpdate partition() {
    List<RowUpdate> rows = new ArrayList<>();
    for (int i = 0; i <= 20; i++) {
      if (i == 0 || i == 1 || i == 20) {
        rows.add(new RowUpdate(c(i), LivenessInfo.of(5, 0, NOW), DeletionTime.LIVE,
            Map.of("v", Cell.live(NativeType.INT.encode(i == 1 ? 0 : 1), 5)), Map.of()));
      } else if (i <= 12) {
        rows.add(new RowUpdate(c(i), LivenessInfo.EMPTY, new DeletionTime(6, NOW), Map.of(), Map.of()));
      }
    }
    return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, rows);
  }

  private static RowFilter.Rows vEquals(int value) {
    return new RowFilter(List.of(new RowFilter.Expression(RowFilter.Kind.COMPARE, "v", Operator.EQ,
        List.of(NativeType.INT.encode(value))))).on(TABLE);
  }

  @Test
  void should_stop_right_after_the_row_that_fills_the_limit_of_matching_rows() {
    FilteredScan.Result one = FilteredScan.count(vEquals(1), partition(), RowSlice.ALL.withLimit(1), null, CMP, NOW);
    assertThat(one).isEqualTo(new FilteredScan.Result(new TombstoneCount.Counts(1, 0), 1));
    // the second match is past the deleted rows: walked, with the row the filter drops
    FilteredScan.Result two = FilteredScan.count(vEquals(1), partition(), RowSlice.ALL.withLimit(2), null, CMP, NOW);
    assertThat(two).isEqualTo(new FilteredScan.Result(new TombstoneCount.Counts(3, 11), 2));
    // a limit never met: the whole slice
    FilteredScan.Result all = FilteredScan.count(vEquals(0), partition(), RowSlice.ALL.withLimit(5), null, CMP, NOW);
    assertThat(all).isEqualTo(new FilteredScan.Result(new TombstoneCount.Counts(3, 11), 1));
    // a reversed walk meets c = 20 first
    FilteredScan.Result reversed = FilteredScan.count(vEquals(1), partition(), RowSlice.ALL.reversedWalk().withLimit(1), null,
        CMP, NOW);
    assertThat(reversed).isEqualTo(new FilteredScan.Result(new TombstoneCount.Counts(1, 0), 1));
  }

  @Test
  void should_count_only_the_rows_an_index_finds() {
    RowFilter.Rows indexed = new RowFilter(List.of(new RowFilter.Expression(RowFilter.Kind.COMPARE, "v", Operator.EQ,
        List.of(NativeType.INT.encode(1)), true))).on(TABLE);
    assertThat(indexed.indexed()).isTrue();
    // the hits c = 0 and c = 20 are read as named rows: the deleted rows between them are not
    FilteredScan.Result all = FilteredScan.count(indexed, partition(), RowSlice.ALL.withLimit(5), null, CMP, NOW);
    assertThat(all).isEqualTo(new FilteredScan.Result(new TombstoneCount.Counts(2, 0), 2));
    FilteredScan.Indexed read = FilteredScan.indexed(indexed, partition(), RowSlice.ALL, null, CMP, NOW);
    assertThat(read.count().liveClusterings()).containsExactly(c(0), c(20));
    // the executor's rows c = 0, 1, 20 map to the hits met up to each
    assertThat(read.hitsUpTo()).containsExactly(1, 1, 2);
    // no hit in the slice: the partition is not read at all
    RowFilter.Rows none = new RowFilter(List.of(new RowFilter.Expression(RowFilter.Kind.COMPARE, "v", Operator.EQ,
        List.of(NativeType.INT.encode(9)), true))).on(TABLE);
    assertThat(FilteredScan.indexed(none, partition(), RowSlice.ALL, null, CMP, NOW)).isNull();
    assertThat(FilteredScan.count(none, partition(), RowSlice.ALL.withLimit(5), null, CMP, NOW))
        .isEqualTo(new FilteredScan.Result(TombstoneCount.Counts.NONE, 0));
  }

  @Test
  void should_tell_the_partitions_inside_a_token_range() {
    RowFilter range = new RowFilter(List.of(
        new RowFilter.Expression(RowFilter.Kind.TOKEN, null, Operator.GT, List.of(ByteBuffer.allocate(8).putLong(0, -10L))),
        new RowFilter.Expression(RowFilter.Kind.TOKEN, null, Operator.LTE, List.of(ByteBuffer.allocate(8).putLong(0, 10L)))));
    assertThat(range.tokenMatches(-10)).isFalse();
    assertThat(range.tokenPast(-10)).isFalse();
    assertThat(range.tokenMatches(0)).isTrue();
    assertThat(range.tokenMatches(10)).isTrue();
    assertThat(range.tokenMatches(11)).isFalse();
    assertThat(range.tokenPast(11)).isTrue();
    assertThat(range.filtersRows()).isFalse();
  }
}
