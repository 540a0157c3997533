package dev.ringlet.internal.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** EACH_QUORUM's Unavailable counts as Cassandra 5.0 reports them: the datacenter's quorum, 0 alive. */
class EachQuorumUnavailableTest {

  @Test
  void should_report_the_short_datacenters_quorum_and_zero_alive() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3, "dc2", 5), Map.of("dc1", 3, "dc2", 2), "dc1");

    assertThatThrownBy(() -> ConsistencyArithmetic.assureSufficientLiveReplicas(ConsistencyLevel.EACH_QUORUM, counts))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.required()).isEqualTo(3);
          org.assertj.core.api.Assertions.assertThat(e.alive()).isZero();
        });
  }

  @Test
  void should_report_zero_alive_for_writes_too() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3), Map.of("dc1", 1), "dc1");

    assertThatThrownBy(() -> ConsistencyArithmetic.assureSufficientLiveReplicasForWrite(ConsistencyLevel.EACH_QUORUM, counts,
        Map.of()))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.required()).isEqualTo(2);
          org.assertj.core.api.Assertions.assertThat(e.alive()).isZero();
        });
  }

  @Test
  void should_pass_when_every_datacenter_has_its_quorum() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3, "dc2", 3), Map.of("dc1", 2, "dc2", 2), "dc1");

    assertThatCode(() -> ConsistencyArithmetic.assureSufficientLiveReplicas(ConsistencyLevel.EACH_QUORUM, counts))
        .doesNotThrowAnyException();
  }

  @Test
  void should_keep_the_real_alive_count_for_other_levels() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3), Map.of("dc1", 1), "dc1");

    assertThatThrownBy(() -> ConsistencyArithmetic.assureSufficientLiveReplicas(ConsistencyLevel.QUORUM, counts))
        .isInstanceOfSatisfying(UnavailableException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.alive()).isEqualTo(1));
  }

  @Test
  void should_not_add_pending_replicas_to_a_datacenters_quorum_for_the_liveness_check() {
    // dc2: RF 1, its natural replica down, a joining node pending and alive. 5.0 checks each
    // datacenter's live natural + pending replicas against its quorum alone: 1 >= 1 passes.
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 2, "dc2", 1), Map.of("dc1", 2, "dc2", 1), "dc1");
    Map<String, Integer> pending = Map.of("dc2", 1);

    assertThatCode(() -> ConsistencyArithmetic.assureSufficientLiveReplicasForWrite(ConsistencyLevel.EACH_QUORUM, counts,
        pending)).doesNotThrowAnyException();
    // The write then blocks for every quorum plus every pending replica (2 + 1 + 1), and times out.
    org.assertj.core.api.Assertions.assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.EACH_QUORUM, counts,
        pending)).isEqualTo(4);
  }

  @Test
  void should_report_only_the_quorum_when_a_datacenter_with_a_pending_replica_is_short() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3, "dc2", 3), Map.of("dc1", 3, "dc2", 1), "dc1");

    assertThatThrownBy(() -> ConsistencyArithmetic.assureSufficientLiveReplicasForWrite(ConsistencyLevel.EACH_QUORUM, counts,
        Map.of("dc2", 1)))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.required()).isEqualTo(2);
          org.assertj.core.api.Assertions.assertThat(e.alive()).isZero();
        });
  }

  @Test
  void should_fall_back_to_quorum_of_all_replicas_with_simple_strategy() {
    // SimpleStrategy RF 3 seen from dc1, its replicas spread over dc1 (1 alive) and dc2 (1 alive)
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3), Map.of("dc1", 1, "dc2", 1), "dc1", false);

    assertThatCode(() -> ConsistencyArithmetic.assureSufficientLiveReplicas(ConsistencyLevel.EACH_QUORUM, counts))
        .doesNotThrowAnyException();
    org.assertj.core.api.Assertions.assertThat(ConsistencyArithmetic.blockFor(ConsistencyLevel.EACH_QUORUM, counts)).isEqualTo(2);
    org.assertj.core.api.Assertions.assertThat(ConsistencyArithmetic.blockForWrite(ConsistencyLevel.EACH_QUORUM, counts,
        Map.of("dc2", 1))).isEqualTo(3);
  }

  @Test
  void should_report_the_real_alive_count_with_simple_strategy() {
    ReplicaCounts counts = new ReplicaCounts(Map.of("dc1", 3), Map.of("dc1", 1), "dc1", false);

    assertThatThrownBy(() -> ConsistencyArithmetic.assureSufficientLiveReplicasForWrite(ConsistencyLevel.EACH_QUORUM, counts,
        Map.of("dc1", 1)))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.required()).isEqualTo(3);
          org.assertj.core.api.Assertions.assertThat(e.alive()).isEqualTo(1);
        });
    assertThatThrownBy(() -> ConsistencyArithmetic.assureSufficientLiveReplicas(ConsistencyLevel.EACH_QUORUM, counts))
        .isInstanceOfSatisfying(UnavailableException.class, e -> {
          org.assertj.core.api.Assertions.assertThat(e.required()).isEqualTo(2);
          org.assertj.core.api.Assertions.assertThat(e.alive()).isEqualTo(1);
        });
  }

  @Test
  void should_refuse_each_quorum_as_cas_commit_level_without_network_topology() {
    assertThatThrownBy(() -> ConsistencyArithmetic.validateForCasCommit(ConsistencyLevel.EACH_QUORUM, false,
        "org.apache.cassandra.locator.SimpleStrategy"))
        .hasMessage("consistency level EACH_QUORUM not compatible with replication strategy (org.apache.cassandra.locator.SimpleStrategy)");
    assertThatCode(() -> ConsistencyArithmetic.validateForCasCommit(ConsistencyLevel.EACH_QUORUM, true,
        "org.apache.cassandra.locator.NetworkTopologyStrategy")).doesNotThrowAnyException();
    assertThatCode(() -> ConsistencyArithmetic.validateForCasCommit(ConsistencyLevel.QUORUM, false,
        "org.apache.cassandra.locator.SimpleStrategy")).doesNotThrowAnyException();
  }
}
