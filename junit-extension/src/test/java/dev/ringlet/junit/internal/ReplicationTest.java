package dev.ringlet.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationTest {

  @Test
  void should_use_simple_strategy_rf_1_for_one_node() {
    assertThat(Replication.forTopology(List.of(new DatacenterLayout("datacenter1", 1, 1))))
        .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
  }

  @Test
  void should_cap_the_replication_factor_at_three() {
    assertThat(Replication.forTopology(List.of(new DatacenterLayout("dc", 5, 1))))
        .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 3}");
  }

  @Test
  void should_use_network_topology_strategy_across_datacenters() {
    assertThat(Replication.forTopology(List.of(new DatacenterLayout("eu", 2, 1), new DatacenterLayout("us", 4, 2))))
        .isEqualTo("{'class': 'NetworkTopologyStrategy', 'eu': 2, 'us': 3}");
  }
}
