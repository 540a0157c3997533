package dev.ringlet.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Cassandra 5.0's Paxos v1 participants: natural + pending replicas, a quorum of them required. */
class PaxosParticipantsTest {

  private static Endpoint node(int i, String dc) {
    return new Endpoint(new UUID(0, i), dc, "rack1");
  }

  private static List<Endpoint> nodes(int from, int count, String dc) {
    List<Endpoint> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      out.add(node(i, dc));
    }
    return out;
  }

  private static PaxosParticipants plan(ConsistencyLevel serial, List<Endpoint> natural, List<Endpoint> pending, Set<Endpoint> down) {
    return PaxosParticipants.plan(serial, "dc1", natural, pending, e -> !down.contains(e));
  }

  @Test
  void should_require_a_quorum_of_the_natural_replicas_when_nothing_moves() {
    // (RF, required): 1 -> 1, 2 -> 2, 3 -> 2, 4 -> 3, 5 -> 3
    int[][] cases = {{1, 1}, {2, 2}, {3, 2}, {4, 3}, {5, 3}};
    for (int[] c : cases) {
      PaxosParticipants p = plan(ConsistencyLevel.SERIAL, nodes(0, c[0], "dc1"), List.of(), Set.of());
      assertThat(p.required()).as("RF " + c[0]).isEqualTo(c[1]);
      assertThat(p.all()).hasSize(c[0]);
      assertThat(p.pending()).isZero();
    }
  }

  @Test
  void should_count_a_pending_replica_as_a_participant_and_require_a_quorum_of_all() {
    // (RF, required with one pending): a quorum of RF + 1, as 5.0's forPaxos (not quorum(RF) + 1)
    int[][] cases = {{1, 2}, {2, 2}, {3, 3}, {4, 3}, {5, 4}};
    for (int[] c : cases) {
      PaxosParticipants p = plan(ConsistencyLevel.SERIAL, nodes(0, c[0], "dc1"), List.of(node(9, "dc1")), Set.of());
      assertThat(p.required()).as("RF " + c[0]).isEqualTo(c[1]);
      assertThat(p.all()).hasSize(c[0] + 1).contains(node(9, "dc1"));
      assertThat(p.live()).isEqualTo(p.all());
      assertThat(p.pending()).isEqualTo(1);
    }
  }

  @Test
  void should_answer_unavailable_with_the_participant_counts_when_too_few_are_alive() {
    // RF=3 + 1 pending: 3 of 4 required; two natural replicas down leaves 2 alive.
    assertThatThrownBy(() -> plan(ConsistencyLevel.SERIAL, nodes(0, 3, "dc1"), List.of(node(9, "dc1")),
        Set.of(node(0, "dc1"), node(1, "dc1"))))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.consistency()).isEqualTo(ConsistencyLevel.SERIAL);
          assertThat(e.required()).isEqualTo(3);
          assertThat(e.alive()).isEqualTo(2);
        });
    // One natural replica down: the pending one makes up the quorum of 3; it is contacted.
    PaxosParticipants p = plan(ConsistencyLevel.SERIAL, nodes(0, 3, "dc1"), List.of(node(9, "dc1")), Set.of(node(0, "dc1")));
    assertThat(p.live()).containsExactly(node(1, "dc1"), node(2, "dc1"), node(9, "dc1"));
    // A pending replica that is down counts for the required number but cannot answer.
    assertThatThrownBy(() -> plan(ConsistencyLevel.SERIAL, nodes(0, 3, "dc1"), List.of(node(9, "dc1")),
        Set.of(node(0, "dc1"), node(9, "dc1"))))
        .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.required()).isEqualTo(3));
  }

  @Test
  void should_refuse_more_than_one_pending_replica_as_cassandra_does_whatever_is_alive() {
    assertThatThrownBy(() -> plan(ConsistencyLevel.SERIAL, nodes(0, 3, "dc1"), List.of(node(8, "dc1"), node(9, "dc1")), Set.of()))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          // 5.0 prints the number of participants (natural + pending) and asks for one more than there are
          assertThat(e.getMessage()).isEqualTo("Cannot perform LWT operation as there is more than one (5) pending range movement");
          assertThat(e.consistency()).isEqualTo(ConsistencyLevel.SERIAL);
          assertThat(e.required()).isEqualTo(6);
          assertThat(e.alive()).isEqualTo(5);
        });
  }

  @Test
  void should_check_liveness_before_the_pending_count() {
    // Both refusals apply: the liveness one comes first, as in 5.0.
    assertThatThrownBy(() -> plan(ConsistencyLevel.SERIAL, nodes(0, 3, "dc1"), List.of(node(8, "dc1"), node(9, "dc1")),
        Set.of(node(0, "dc1"), node(1, "dc1"), node(2, "dc1"))))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("Cannot achieve consistency level SERIAL");
          assertThat(e.required()).isEqualTo(3);
          assertThat(e.alive()).isEqualTo(2);
        });
  }

  @Test
  void should_keep_only_the_local_datacenter_for_local_serial() {
    List<Endpoint> natural = new ArrayList<>(nodes(0, 3, "dc1"));
    natural.addAll(nodes(10, 3, "dc2"));
    // A pending replica in the other datacenter does not take part in a LOCAL_SERIAL round...
    PaxosParticipants local = plan(ConsistencyLevel.LOCAL_SERIAL, natural, List.of(node(19, "dc2")), Set.of());
    assertThat(local.all()).containsExactlyElementsOf(nodes(0, 3, "dc1"));
    assertThat(local.pending()).isZero();
    assertThat(local.required()).isEqualTo(2);
    // ...nor do two of them make it refuse; in SERIAL both datacenters count, and they do.
    assertThat(plan(ConsistencyLevel.LOCAL_SERIAL, natural, List.of(node(18, "dc2"), node(19, "dc2")), Set.of()).required())
        .isEqualTo(2);
    PaxosParticipants serial = plan(ConsistencyLevel.SERIAL, natural, List.of(node(19, "dc2")), Set.of());
    assertThat(serial.all()).hasSize(7);
    assertThat(serial.required()).isEqualTo(4);
    assertThatThrownBy(() -> plan(ConsistencyLevel.SERIAL, natural, List.of(node(18, "dc2"), node(19, "dc2")), Set.of()))
        .isInstanceOf(UnavailableException.class).hasMessageContaining("pending range movement");
  }

  @Test
  void should_answer_unavailable_for_local_serial_in_a_datacenter_without_replicas() {
    assertThatThrownBy(() -> PaxosParticipants.plan(ConsistencyLevel.LOCAL_SERIAL, "dc3", nodes(0, 3, "dc1"), List.of(), e -> true))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          assertThat(e.required()).isEqualTo(1);
          assertThat(e.alive()).isZero();
        });
  }
}
