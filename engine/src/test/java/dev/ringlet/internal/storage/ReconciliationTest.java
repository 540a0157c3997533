package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Last-write-wins with Cassandra's tie-breaks, in both argument orders (replicas see writes in any order). */
class ReconciliationTest {

  private static ByteBuffer v(int b) {
    return ByteBuffer.wrap(new byte[] {(byte) b});
  }

  static Stream<Arguments> cases() {
    Cell live1 = Cell.live(v(1), 10);
    Cell live2 = Cell.live(v(2), 10);
    Cell later = Cell.live(v(0), 11);
    Cell tombstone = Cell.tombstone(10, 100);
    Cell expiring = Cell.expiring(v(9), 10, 60, 100);
    Cell expiringLater = Cell.expiring(v(1), 10, 60, 200);
    Cell tombstoneLater = Cell.tombstone(10, 200);
    return Stream.of(
        Arguments.of("higher timestamp wins", live1, later, later),
        Arguments.of("tombstone beats live cell at the same timestamp", live1, tombstone, tombstone),
        Arguments.of("expiring cell beats regular cell at the same timestamp", live2, expiring, expiring),
        Arguments.of("tombstone beats expiring cell at the same timestamp", expiring, tombstone, tombstone),
        Arguments.of("later expiry wins between expiring cells", expiring, expiringLater, expiringLater),
        Arguments.of("later deletion wins between tombstones", tombstone, tombstoneLater, tombstoneLater),
        Arguments.of("greater value wins between live cells", live1, live2, live2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void should_pick_the_same_winner_whatever_the_order(String why, Cell a, Cell b, Cell winner) {
    assertThat(Reconciliation.reconcile(a, b)).isEqualTo(winner);
    assertThat(Reconciliation.reconcile(b, a)).isEqualTo(winner);
  }

  @ParameterizedTest(name = "counter deltas {0} and {1} merge to {2}")
  @MethodSource("counters")
  void should_add_counter_deltas(long a, long b, long sum) {
    Cell merged = Reconciliation.reconcile(Cell.counterDelta(a, 1), Cell.counterDelta(b, 2));
    assertThat(merged.value().getLong(0)).isEqualTo(sum);
    assertThat(merged.timestamp()).isEqualTo(2);
  }

  @org.junit.jupiter.api.Test
  void should_merge_counter_shards_by_highest_clock_keeping_the_later_timestamp() {
    java.util.UUID a = new java.util.UUID(0, 1);
    java.util.UUID b = new java.util.UUID(0, 2);
    Cell left = Cell.counter(CounterContext.ofShard(a, 2, 5).merge(CounterContext.ofShard(b, 1, 1)), 10);
    Cell right = Cell.counter(CounterContext.ofShard(a, 3, 6), 11);
    Cell merged = Reconciliation.reconcile(left, right);
    assertThat(merged.counterContext()).isEqualTo(CounterContext.ofShard(a, 3, 6).merge(CounterContext.ofShard(b, 1, 1)));
    assertThat(merged.timestamp()).isEqualTo(11);
    assertThat(Reconciliation.reconcile(right, left)).isEqualTo(merged);
  }

  static Stream<Arguments> counters() {
    return Stream.of(Arguments.of(1L, 2L, 3L), Arguments.of(5L, -7L, -2L), Arguments.of(0L, 0L, 0L));
  }
}
