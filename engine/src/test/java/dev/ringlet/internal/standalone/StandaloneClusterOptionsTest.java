package dev.ringlet.internal.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.DatacenterSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class StandaloneClusterOptionsTest {

  @Test
  void should_parse_a_node_count() {
    assertThat(StandaloneOptions.parse(List.of("--nodes", "3")).spec().nodeCount()).isEqualTo(3);
  }

  @Test
  void should_parse_datacenters_with_optional_racks() {
    assertThat(StandaloneOptions.parse(List.of("--datacenters=dc1:3:3,dc2:2")).spec().datacenters())
        .containsExactly(DatacenterSpec.of("dc1", 3, 3), DatacenterSpec.of("dc2", 2));
  }

  @Test
  void should_refuse_a_malformed_datacenter_list() {
    assertThatThrownBy(() -> StandaloneOptions.parse(List.of("--datacenters", "dc1")))
        .hasMessage("--datacenters: dc1 (expected: name:nodes or name:nodes:racks)");
  }
}
