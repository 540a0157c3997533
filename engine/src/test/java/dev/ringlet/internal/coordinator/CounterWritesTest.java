package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.internal.cluster.ConsistencyLevel;
import dev.ringlet.internal.cluster.Endpoint;
import dev.ringlet.internal.cluster.UnavailableException;
import dev.ringlet.internal.storage.Cell;
import dev.ringlet.internal.storage.Clustering;
import dev.ringlet.internal.storage.CounterContext;
import dev.ringlet.internal.storage.DecoratedKey;
import dev.ringlet.internal.storage.DeletionTime;
import dev.ringlet.internal.storage.LivenessInfo;
import dev.ringlet.internal.storage.PartitionUpdate;
import dev.ringlet.internal.storage.RowUpdate;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The leader's read-before-write: an increment becomes the leader's next shard. */
class CounterWritesTest {

  private static final UUID LEADER = new UUID(7, 7);
  private static final UUID OTHER = new UUID(1, 1);
  private static final DecoratedKey KEY = new DecoratedKey(42L, ByteBuffer.wrap(new byte[] {1}));

  private static PartitionUpdate row(Clustering clustering, Map<String, Cell> cells) {
    return new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null,
        List.of(new RowUpdate(clustering, LivenessInfo.EMPTY, DeletionTime.LIVE, cells)));
  }

  @Test
  void should_start_the_leader_shard_at_clock_one_when_nothing_is_stored() {
    PartitionUpdate out = CounterWrites.shards(row(Clustering.EMPTY, Map.of("n", Cell.counterDelta(5, 100))), null, LEADER);
    Cell n = out.rows().get(0).cells().get("n");
    assertThat(n.counterContext()).isEqualTo(CounterContext.ofShard(LEADER, 1, 5));
    assertThat(n.timestamp()).isEqualTo(100);
    assertThat(CounterWrites.hasIncrements(out)).isFalse();
  }

  @Test
  void should_advance_only_the_leader_shard_of_the_stored_context() {
    CounterContext stored = CounterContext.ofShard(LEADER, 3, 10).merge(CounterContext.ofShard(OTHER, 9, 100));
    PartitionUpdate current = row(Clustering.EMPTY, Map.of("n", Cell.counter(stored, 50)));
    PartitionUpdate out = CounterWrites.shards(row(Clustering.EMPTY, Map.of("n", Cell.counterDelta(-4, 60))), current, LEADER);
    // Only the leader's own shard is sent: the other replica's shard is not the leader's to repeat.
    assertThat(out.rows().get(0).cells().get("n").counterContext()).isEqualTo(CounterContext.ofShard(LEADER, 4, 6));
  }

  @Test
  void should_find_the_stored_cell_by_clustering_and_leave_deletions_alone() {
    Clustering c1 = new Clustering(List.of(ByteBuffer.wrap(new byte[] {1})));
    Clustering c2 = new Clustering(List.of(ByteBuffer.wrap(new byte[] {2})));
    PartitionUpdate current = row(c2, Map.of("n", Cell.counter(CounterContext.ofShard(LEADER, 2, 2), 1)));
    PartitionUpdate update = new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(
        new RowUpdate(c1, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("n", Cell.counterDelta(1, 5))),
        new RowUpdate(c2, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("n", Cell.counterDelta(1, 5), "m", Cell.tombstone(5, 9)))));
    assertThat(CounterWrites.hasIncrements(update)).isTrue();
    PartitionUpdate out = CounterWrites.shards(update, current, LEADER);
    assertThat(out.rows().get(0).cells().get("n").counterContext()).isEqualTo(CounterContext.ofShard(LEADER, 1, 1));
    assertThat(out.rows().get(1).cells().get("n").counterContext()).isEqualTo(CounterContext.ofShard(LEADER, 3, 3));
    assertThat(out.rows().get(1).cells().get("m")).isEqualTo(Cell.tombstone(5, 9));
  }

  @Test
  void should_build_each_increment_of_one_cell_in_a_batch_on_the_previous_one() {
    PartitionUpdate batch = new PartitionUpdate(KEY, DeletionTime.LIVE, List.of(), null, List.of(
        new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("n", Cell.counterDelta(2, 5))),
        new RowUpdate(Clustering.EMPTY, LivenessInfo.EMPTY, DeletionTime.LIVE, Map.of("n", Cell.counterDelta(3, 5)))));
    PartitionUpdate current = row(Clustering.EMPTY, Map.of("n", Cell.counter(CounterContext.ofShard(LEADER, 4, 40), 1)));
    PartitionUpdate out = CounterWrites.shards(batch, current, LEADER);
    assertThat(out.rows().get(0).cells().get("n").counterContext()).isEqualTo(CounterContext.ofShard(LEADER, 5, 42));
    assertThat(out.rows().get(1).cells().get("n").counterContext()).isEqualTo(CounterContext.ofShard(LEADER, 6, 45));
  }

  // ------------------------------------------------------------------ leader choice (5.0's findSuitableReplica)

  private static Endpoint node(int i, String dc) {
    return new Endpoint(new UUID(0, i), dc, "rack1");
  }

  @Test
  void should_draw_the_leader_among_the_live_local_replicas_without_preferring_the_coordinator() {
    // node 2 coordinates and is a replica; the draw decides, as in 5.0 (no preference for the coordinator)
    List<Endpoint> live = List.of(node(0, "dc1"), node(1, "dc2"), node(2, "dc1"), node(3, "dc1"));
    List<Endpoint> local = List.of(node(0, "dc1"), node(2, "dc1"), node(3, "dc1")); // placement order
    for (int draw = 0; draw < 3; draw++) {
      int d = draw;
      Endpoint leader = CounterWrites.chooseLeader(live, node(2, "dc1"), ConsistencyLevel.ONE, 1, (candidates, coordinator) -> {
        assertThat(candidates).as("the local replicas only").isEqualTo(3);
        assertThat(coordinator).as("the coordinator's place among them").isEqualTo(1);
        return d;
      }, l -> l);
      assertThat(leader).isEqualTo(local.get(draw));
    }
    // the test seam: the coordinator leads when it is a replica, else the first local one
    assertThat(CounterWrites.chooseLeader(live, node(2, "dc1"), ConsistencyLevel.ONE, 1, CounterLeaderDraw.coordinatorFirst(), l -> l))
        .isEqualTo(node(2, "dc1"));
    assertThat(CounterWrites.chooseLeader(live, node(9, "dc1"), ConsistencyLevel.ONE, 1, CounterLeaderDraw.coordinatorFirst(), l -> l))
        .isEqualTo(node(0, "dc1"));
  }

  @Test
  void should_spread_leaders_over_every_local_replica_with_a_seeded_random() {
    List<Endpoint> live = List.of(node(0, "dc1"), node(1, "dc1"), node(2, "dc1"));
    CounterLeaderDraw draw = CounterLeaderDraw.random(new java.util.Random(42));
    java.util.Map<Endpoint, Integer> chosen = new java.util.HashMap<>();
    for (int i = 0; i < 300; i++) {
      chosen.merge(CounterWrites.chooseLeader(live, node(0, "dc1"), ConsistencyLevel.QUORUM, 2, draw, l -> l), 1, Integer::sum);
    }
    assertThat(chosen).hasSize(3);
    assertThat(chosen.values()).allSatisfy(n -> assertThat(n).isBetween(70, 130));
    // the same seed draws the same leaders
    CounterLeaderDraw again = CounterLeaderDraw.random(new java.util.Random(42));
    CounterLeaderDraw first = CounterLeaderDraw.random(new java.util.Random(42));
    for (int i = 0; i < 20; i++) {
      assertThat(CounterWrites.chooseLeader(live, node(0, "dc1"), ConsistencyLevel.ONE, 1, again, l -> l))
          .isEqualTo(CounterWrites.chooseLeader(live, node(0, "dc1"), ConsistencyLevel.ONE, 1, first, l -> l));
    }
  }

  @Test
  void should_fall_back_to_the_closest_replica_of_another_datacenter_unless_the_level_is_local() {
    List<Endpoint> live = List.of(node(1, "dc2"), node(2, "dc3"));
    CounterLeaderDraw noDraw = (candidates, coordinator) -> {
      throw new AssertionError("no draw expected");
    };
    // the snitch's proximity order decides
    assertThat(CounterWrites.chooseLeader(live, node(0, "dc1"), ConsistencyLevel.ONE, 1, noDraw, l -> List.of(l.get(1), l.get(0))))
        .isEqualTo(node(2, "dc3"));
    assertThatThrownBy(() -> CounterWrites.chooseLeader(live, node(0, "dc1"), ConsistencyLevel.LOCAL_QUORUM, 2, noDraw, l -> l))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.consistency()).isEqualTo(ConsistencyLevel.LOCAL_QUORUM);
          assertThat(e.required()).isEqualTo(2);
          assertThat(e.alive()).isZero();
        });
  }

  @Test
  void should_answer_unavailable_with_none_alive_when_no_replica_is_live() {
    assertThatThrownBy(() -> CounterWrites.chooseLeader(List.of(), node(0, "dc1"), ConsistencyLevel.QUORUM, 2,
        CounterLeaderDraw.coordinatorFirst(), l -> l))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.required()).isEqualTo(2);
          assertThat(e.alive()).isZero();
        });
  }
}
