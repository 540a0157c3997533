package dev.ringlet.internal.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringlet.internal.storage.DecoratedKey;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 5.0's range scan figures and texts, from the ring's tokens and the table's SSTables. */
class RangeTracesTest {

  @Test
  void should_split_the_whole_ring_into_one_range_more_than_its_tokens() {
    assertThat(RangeTraces.ranges(List.of(-10L, 0L, 10L), null)).isEqualTo(4);
    assertThat(RangeTraces.ranges(List.of(Long.MIN_VALUE, 0L, 10L), null)).as("the minimum token splits nothing").isEqualTo(3);
  }

  @Test
  void should_count_only_the_tokens_after_a_later_page_start() {
    DecoratedKey from = new DecoratedKey(5, ByteBuffer.wrap(new byte[] {0, 0, 0, 1}));
    assertThat(RangeTraces.ranges(List.of(-10L, 0L, 10L, 20L), from)).isEqualTo(3);
  }

  @Test
  void should_expect_no_rows_and_a_concurrency_of_one_without_sstables() {
    float rows = RangeTraces.rowsPerRange(0, 16, 1);
    assertThat(RangeTraces.submitting(17, RangeTraces.concurrency(17, 5000, rows), rows))
        .isEqualTo("Submitting range requests on 17 ranges with a concurrency of 1 (0.0 rows per range expected)");
  }

  @Test
  void should_choose_enough_ranges_for_the_limit_and_at_most_all() {
    float rows = RangeTraces.rowsPerRange(160, 16, 1);
    assertThat(rows).isEqualTo(10.0f);
    assertThat(RangeTraces.concurrency(17, 25, rows)).isEqualTo(3);
    assertThat(RangeTraces.concurrency(17, 5000, rows)).isEqualTo(17);
    assertThat(RangeTraces.rowsPerRange(160, 16, 3)).as("divided by the replication factor").isEqualTo(10.0f / 3);
  }

  @Test
  void should_print_the_key_range_as_5_0_does() {
    assertThat(RangeTraces.seqScan(0, null, false))
        .isEqualTo("Executing seq scan across 0 sstables for (min(-9223372036854775808), min(-9223372036854775808)]");
    DecoratedKey from = new DecoratedKey(-42, ByteBuffer.wrap(new byte[] {0, 0, 0, 7}));
    assertThat(RangeTraces.seqScan(2, from, true))
        .isEqualTo("Executing seq scan across 2 sstables for [DecoratedKey(-42, 00000007), min(-9223372036854775808)]");
    assertThat(RangeTraces.seqScan(2, from, false))
        .isEqualTo("Executing seq scan across 2 sstables for (DecoratedKey(-42, 00000007), min(-9223372036854775808)]");
  }
}
