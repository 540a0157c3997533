package dev.ringlet.internal.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

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
}
