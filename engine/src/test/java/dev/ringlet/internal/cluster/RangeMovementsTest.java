package dev.ringlet.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RangeMovementsTest {

  private static final Endpoint A = new Endpoint(new UUID(0, 1), "dc1", "r1");
  private static final Endpoint B = new Endpoint(new UUID(0, 2), "dc1", "r1");
  private static final Endpoint C = new Endpoint(new UUID(0, 3), "dc1", "r1");
  private static final Endpoint D = new Endpoint(new UUID(0, 4), "dc1", "r1");
  private static final Map<String, Integer> RF2 = Map.of("", 2);

  private static Ring ring(Object... endpointsAndTokens) {
    Map<Endpoint, List<Long>> tokens = new LinkedHashMap<>();
    for (int i = 0; i < endpointsAndTokens.length; i += 2) {
      tokens.put((Endpoint) endpointsAndTokens[i], List.of((Long) endpointsAndTokens[i + 1]));
    }
    return new Ring(tokens);
  }

  @Test
  void should_make_a_joining_node_pending_for_the_ranges_it_will_replicate() {
    Ring current = ring(A, 0L, B, 100L, C, 200L);
    Ring future = ring(A, 0L, B, 100L, C, 200L, D, 50L);
    // (0, 50] moves from B+C to D+B: D is pending there.
    assertThat(RangeMovements.pending(current, future, ReplicaPlacement.SIMPLE, RF2, 30)).containsExactly(D);
    // (200, 0] was A+B, will be A+D: D is pending for it too (the second replica of the range before its token).
    assertThat(RangeMovements.pending(current, future, ReplicaPlacement.SIMPLE, RF2, -5)).containsExactly(D);
    // (50, 100] stays B+C
    assertThat(RangeMovements.pending(current, future, ReplicaPlacement.SIMPLE, RF2, 70)).isEmpty();
    assertThat(RangeMovements.pending(current, current, ReplicaPlacement.SIMPLE, RF2, 30)).isEmpty();
  }

  @Test
  void should_list_every_gained_range_with_the_losing_replica_as_first_source() {
    Ring current = ring(A, 0L, B, 100L, C, 200L);
    Ring future = ring(A, 0L, B, 100L, C, 200L, D, 50L);
    List<RangeMovements.Movement> moves = RangeMovements.movements(current, future, ReplicaPlacement.SIMPLE, RF2);
    assertThat(moves).extracting(RangeMovements.Movement::range)
        .containsExactly(new TokenRange(200, 0), new TokenRange(0, 50));
    RangeMovements.Movement m = moves.get(1);
    assertThat(m.gainers()).containsExactly(D);
    assertThat(m.sources()).containsExactly(C, B); // C loses (0, 50], so it streams it first
  }

  @Test
  void should_give_a_leaving_node_ranges_to_the_next_replicas() {
    Ring current = ring(A, 0L, B, 100L, C, 200L, D, 300L);
    Ring future = ring(A, 0L, B, 100L, D, 300L);
    // (100, 200] was C+D, will be D+A
    assertThat(RangeMovements.pending(current, future, ReplicaPlacement.SIMPLE, RF2, 150)).containsExactly(A);
    List<RangeMovements.Movement> moves = RangeMovements.movements(current, future, ReplicaPlacement.SIMPLE, RF2);
    assertThat(moves).allSatisfy(mv -> assertThat(mv.sources().get(0)).isEqualTo(C));
    assertThat(RangeMovements.rangesOf(future, ReplicaPlacement.SIMPLE, RF2, A))
        .containsExactly(new TokenRange(300, 0), new TokenRange(100, 300)); // (0, 100] is B+D
  }

  @Test
  void should_tell_which_tokens_a_range_contains_including_the_wrapping_one() {
    assertThat(new TokenRange(0, 50).contains(50)).isTrue();
    assertThat(new TokenRange(0, 50).contains(0)).isFalse();
    assertThat(new TokenRange(200, 0).contains(Long.MAX_VALUE)).isTrue();
    assertThat(new TokenRange(200, 0).contains(-7)).isTrue();
    assertThat(new TokenRange(200, 0).contains(100)).isFalse();
    assertThat(new TokenRange(5, 5).contains(-1)).isTrue();
  }

  @Test
  void should_add_pending_replicas_to_what_a_write_blocks_for_as_cassandra_does() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3, "dc2", 3), Map.of("dc1", 4, "dc2", 3), "dc1");
    Map<String, Integer> pending = Map.of("dc1", 1);
    assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.ONE, counts, pending)).isEqualTo(2);
    assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.QUORUM, counts, pending)).isEqualTo(5);
    assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.LOCAL_QUORUM, counts, pending)).isEqualTo(3);
    assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.LOCAL_ONE, counts, Map.of("dc2", 1))).isEqualTo(1);
    assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.ANY, counts, pending)).isEqualTo(1);
  }
}
