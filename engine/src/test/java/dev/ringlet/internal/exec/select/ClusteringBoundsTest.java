package dev.ringlet.internal.exec.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cql.ast.Operator;
import dev.ringlet.internal.error.CqlException;
import dev.ringlet.internal.exec.BoundValues;
import dev.ringlet.internal.schema.ColumnMetadata;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.ClusteringComparator;
import dev.ringlet.internal.storage.ClusteringComparator.Bound;
import dev.ringlet.internal.storage.RowSlice;
import dev.ringlet.internal.types.NativeType;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 5.0.9's slices of clustering restrictions (the bounds its warnings print and its reads count within). */
class ClusteringBoundsTest {

  private static final ColumnMetadata C1 = clustering("c1", 0, false);
  private static final ColumnMetadata C2 = clustering("c2", 1, false);
  private static final ColumnMetadata C3 = clustering("c3", 2, false);
  private static final ClusteringComparator ASC = new ClusteringComparator(
      List.of(NativeType.INT, NativeType.INT, NativeType.INT), List.of(false, false, false));

  @Test
  void should_read_one_slice_per_value_of_an_in_on_a_prefix() {
    // c1 IN (0, 1) AND c2 > 0
    ClusteringBounds bounds = new ClusteringBounds(ASC);
    bounds.in(C1, values -> List.of(i(0), i(1)));
    bounds.slice(List.of(C2), false, Operator.GT, values -> List.of(i(0)));

    assertThat(bounds.slices(BoundValues.NONE)).containsExactly(
        new RowSlice.Part(new Bound(c(0, 0), true, false), new Bound(c(0), false, true)),
        new RowSlice.Part(new Bound(c(1, 0), true, false), new Bound(c(1), false, true)));
  }

  @Test
  void should_start_a_multi_column_slice_after_an_equal_prefix() {
    // c1 = 0 AND (c2, c3) >= (0, 1)
    ClusteringBounds bounds = new ClusteringBounds(ASC);
    bounds.eq(C1, values -> i(0));
    bounds.slice(List.of(C2, C3), true, Operator.GTE, values -> List.of(i(0), i(1)));

    assertThat(bounds.slices(BoundValues.NONE)).containsExactly(
        new RowSlice.Part(new Bound(c(0, 0, 1), true, true), new Bound(c(0), false, true)));
  }

  @Test
  void should_split_a_slice_over_columns_of_mixed_orders() {
    // (c1, c2) >= (0, 1) with c2 DESC: c1 = 0 AND c2 >= 1, then c1 > 0
    ColumnMetadata desc = clustering("c2", 1, true);
    ClusteringComparator mixed = new ClusteringComparator(List.of(NativeType.INT, NativeType.INT), List.of(false, true));
    ClusteringBounds bounds = new ClusteringBounds(mixed);
    bounds.slice(List.of(C1, desc), true, Operator.GTE, values -> List.of(i(0), i(1)));

    assertThat(bounds.slices(BoundValues.NONE)).containsExactly(
        new RowSlice.Part(new Bound(c(0), true, true), new Bound(c(0, 1), false, true)),
        new RowSlice.Part(new Bound(c(0), true, false), Bound.TOP));
  }

  @Test
  void should_read_every_row_without_restrictions_and_none_for_an_empty_in() {
    assertThat(new ClusteringBounds(ASC).slices(BoundValues.NONE)).isNull();
    ClusteringBounds empty = new ClusteringBounds(ASC);
    empty.in(C1, values -> List.of());
    assertThat(empty.slices(BoundValues.NONE)).isEmpty();
  }

  @Test
  void should_leave_restrictions_after_a_gap_to_the_row_filter() {
    // c1 = 0 AND c3 = 1: c3 is filtered; c1 > 0 AND c2 = 1: so is c2
    ClusteringBounds gap = new ClusteringBounds(ASC);
    gap.eq(C1, values -> i(0));
    gap.eq(C3, values -> i(1));
    assertThat(gap.filtered(BoundValues.NONE)).extracting(ClusteringBounds.Filtered::cql).containsExactly("c3 = 1");

    ClusteringBounds afterSlice = new ClusteringBounds(ASC);
    afterSlice.slice(List.of(C1), false, Operator.GT, values -> List.of(i(0)));
    afterSlice.in(C2, values -> List.of(i(1), i(2)));
    assertThat(afterSlice.filtered(BoundValues.NONE)).extracting(ClusteringBounds.Filtered::cql)
        .containsExactly("c2 IN [1, 2]");
  }

  @Test
  void should_refuse_multi_column_slices_and_ins_as_filters() {
    ClusteringBounds slice = new ClusteringBounds(ASC);
    slice.slice(List.of(C2, C3), true, Operator.GTE, values -> List.of(i(0), i(1)));
    assertThatThrownBy(() -> slice.slices(BoundValues.NONE)).isInstanceOf(CqlException.class)
        .hasMessage("Multi-column slice restrictions cannot be used for filtering.");

    ClusteringBounds in = new ClusteringBounds(ASC);
    in.multiIn(List.of(C2, C3), values -> List.of(List.of(i(0), i(1)), List.of(i(1), i(1))));
    assertThatThrownBy(() -> in.slices(BoundValues.NONE)).isInstanceOf(CqlException.class)
        .hasMessage("Multicolumn IN filters are not supported");
  }

  @Test
  void should_page_as_5_0_cuts_its_slices_at_the_row_returned_last() {
    RowSlice slices = RowSlice.of(List.of(
        new RowSlice.Part(new Bound(c(0, 0), true, false), new Bound(c(0), false, true)),
        new RowSlice.Part(new Bound(c(1, 0), true, false), new Bound(c(1), false, true))), false);

    RowSlice next = slices.cutAt(ASC, c(0, 1, 0), true);

    assertThat(next.parts()).containsExactly(
        new RowSlice.Part(new Bound(c(0, 1, 0), true, false), new Bound(c(0), false, true)),
        new RowSlice.Part(new Bound(c(1, 0), true, false), new Bound(c(1), false, true)));
    // past the first slice: only the second is left
    assertThat(slices.cutAt(ASC, c(1, 0, 0), true))
        .isEqualTo(RowSlice.between(new Bound(c(1, 0), true, false), new Bound(c(1), false, true), false));
    // a slice cut to nothing (its last row returned) is dropped, as 5.0's Slice.forPaging drops it
    RowSlice mixed = RowSlice.of(List.of(new RowSlice.Part(new Bound(c(0), true, true), new Bound(c(0, 1), false, true)),
        new RowSlice.Part(new Bound(c(0), true, false), Bound.TOP)), false);
    assertThat(mixed.cutAt(ASC, c(0, 1), true)).isEqualTo(RowSlice.between(new Bound(c(0), true, false), Bound.TOP, false));
  }

  private static ColumnMetadata clustering(String name, int position, boolean reversed) {
    return new ColumnMetadata(name, NativeType.INT, ColumnMetadata.Kind.CLUSTERING, position, reversed);
  }

  private static ByteBuffer i(int v) {
    return NativeType.INT.encode(v);
  }

  private static Clustering c(int... values) {
    java.util.List<ByteBuffer> out = new java.util.ArrayList<>();
    for (int v : values) {
      out.add(i(v));
    }
    return new Clustering(out);
  }
}
