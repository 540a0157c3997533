package dev.ringlet.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import org.junit.jupiter.api.Test;

class ReplicationTest {

  @Test
  void should_use_simple_strategy_with_at_most_three_replicas_for_one_datacenter() {
    assertThat(Replication.forSpec(ClusterSpec.defaults(), null))
        .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
    assertThat(Replication.forSpec(ClusterSpec.defaults().withNodes(5), null))
        .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 3}");
  }

  @Test
  void should_use_network_topology_strategy_per_datacenter_for_several() {
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 4), DatacenterSpec.of("dc2", 2));
    assertThat(Replication.forSpec(spec, null)).isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}");
    assertThat(Replication.forSpec(spec, 2)).isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc1': 2, 'dc2': 2}");
  }

  @Test
  void should_refuse_a_factor_the_topology_cannot_hold() {
    assertThatThrownBy(() -> Replication.forSpec(ClusterSpec.defaults(), 2))
        .hasMessage("ringlet.keyspace.replication-factor: 2 (expected: at most 1, the nodes of datacenter datacenter1)");
    assertThatThrownBy(() -> Replication.forSpec(ClusterSpec.defaults(), 0))
        .hasMessage("ringlet.keyspace.replication-factor: 0 (expected: at least 1)");
  }
}
