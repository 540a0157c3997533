package dev.ringlet.junit.internal;

import dev.ringlet.api.DatacenterSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationTest {

  @Test
  void should_use_simple_strategy_rf_1_for_one_node() {
    assertThat(Replication.forTopology(List.of(DatacenterSpec.of("datacenter1", 1))))
        .isEqualTo("{'class': 'SimpleStrategy', 'replication_factor': 1}");
  }

  @Test
  void should_use_network_topology_strategy_capped_at_three_for_several_nodes() {
    assertThat(Replication.forTopology(List.of(DatacenterSpec.of("dc", 2))))
        .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc': 2}");
    assertThat(Replication.forTopology(List.of(DatacenterSpec.of("dc", 5, 2))))
        .isEqualTo("{'class': 'NetworkTopologyStrategy', 'dc': 3}");
  }

  @Test
  void should_use_network_topology_strategy_across_datacenters() {
    assertThat(Replication.forTopology(List.of(DatacenterSpec.of("eu", 2), DatacenterSpec.of("us", 4, 2), DatacenterSpec.of("ap", 1))))
        .isEqualTo("{'class': 'NetworkTopologyStrategy', 'eu': 2, 'us': 3, 'ap': 1}");
  }
}
