package dev.ringlet.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class CounterContextTest {

  private static final UUID A = new UUID(0, 1);
  private static final UUID B = new UUID(0, 2);
  private static final UUID C = new UUID(-1, 3);

  private static CounterContext ctx(long delta, Object... shards) {
    Map<UUID, CounterContext.Shard> m = new java.util.HashMap<>();
    for (int i = 0; i < shards.length; i += 3) {
      m.put((UUID) shards[i], new CounterContext.Shard((Long) shards[i + 1], (Long) shards[i + 2]));
    }
    return new CounterContext(delta, m);
  }

  static Stream<Arguments> merges() {
    return Stream.of(
        Arguments.of("a shard only one side has is kept", ctx(0, A, 1L, 5L), ctx(0, B, 2L, 7L), ctx(0, A, 1L, 5L, B, 2L, 7L), 12L),
        Arguments.of("the higher clock of one counter id wins", ctx(0, A, 3L, 9L), ctx(0, A, 2L, 4L), ctx(0, A, 3L, 9L), 9L),
        Arguments.of("a lower count with a higher clock still wins (decrements)", ctx(0, A, 4L, -2L), ctx(0, A, 3L, 6L),
            ctx(0, A, 4L, -2L), -2L),
        Arguments.of("equal clocks: the greater count wins", ctx(0, A, 2L, 3L), ctx(0, A, 2L, 8L), ctx(0, A, 2L, 8L), 8L),
        Arguments.of("unsharded deltas add up", ctx(4), ctx(-1), ctx(3), 3L),
        Arguments.of("a delta and shards combine", ctx(2, C, 1L, 1L), ctx(0, A, 1L, 10L, C, 2L, 5L), ctx(2, A, 1L, 10L, C, 2L, 5L), 17L));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("merges")
  void should_merge_per_counter_id_in_any_order(String why, CounterContext a, CounterContext b, CounterContext merged, long total) {
    assertThat(a.merge(b)).isEqualTo(merged);
    assertThat(b.merge(a)).isEqualTo(merged);
    assertThat(merged.total()).isEqualTo(total);
    assertThat(merged.encode()).isEqualTo(b.merge(a).encode());
  }

  @Test
  void should_merge_shards_idempotently_so_a_repeated_repair_changes_nothing() {
    CounterContext state = ctx(0, A, 3L, 9L, B, 1L, 2L);
    assertThat(state.merge(state)).isEqualTo(state);
    assertThat(state.merge(ctx(0, A, 2L, 4L)).merge(ctx(0, A, 2L, 4L))).isEqualTo(state);
  }

  @Test
  void should_round_trip_through_its_encoding_with_shards_sorted_by_counter_id() {
    CounterContext c = ctx(-5, B, 2L, 7L, A, 1L, Long.MIN_VALUE, C, Long.MAX_VALUE, 0L);
    ByteBuffer bytes = c.encode();
    assertThat(bytes.remaining()).isEqualTo(8 + 3 * 32);
    assertThat(bytes.getLong(0)).isEqualTo(-5);
    assertThat(new UUID(bytes.getLong(8), bytes.getLong(16))).isEqualTo(C);
    assertThat(new UUID(bytes.getLong(40), bytes.getLong(48))).isEqualTo(A);
    assertThat(CounterContext.decode(bytes)).isEqualTo(c);
    assertThat(bytes.position()).isZero();
  }

  @Test
  void should_read_a_plain_eight_byte_value_as_an_increment() {
    ByteBuffer legacy = ByteBuffer.allocate(8).putLong(0, 42);
    CounterContext c = CounterContext.decode(legacy);
    assertThat(c.isUpdate()).isTrue();
    assertThat(c.total()).isEqualTo(42);
    assertThat(c.shard(A)).isEqualTo(new CounterContext.Shard(0, 0));
  }

  @Test
  void should_refuse_a_value_that_is_not_a_context() {
    assertThatThrownBy(() -> CounterContext.decode(ByteBuffer.allocate(12)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("counter context: 12 bytes (expected: 8 + 32 × shards)");
  }
}
