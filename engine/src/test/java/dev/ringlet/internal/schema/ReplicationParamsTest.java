package dev.ringlet.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Replica counts per datacenter and in total, and the NTS {@code replication_factor} shorthand over several datacenters. */
class ReplicationParamsTest {

  private static final Set<String> TWO_DCS = Set.of("dc1", "dc2");

  @Test
  void should_expand_replication_factor_to_every_datacenter_not_named() {
    ReplicationParams params = ReplicationParams.fromOptions("ks",
        Map.of("class", "NetworkTopologyStrategy", "replication_factor", "3", "dc2", "1"), TWO_DCS);

    assertThat(params.asMap()).containsExactly(Map.entry("class", ReplicationParams.NETWORK_TOPOLOGY),
        Map.entry("dc1", "3"), Map.entry("dc2", "1"));
    assertThat(params.replicationFactor("dc1")).isEqualTo(3);
    assertThat(params.replicationFactor("dc2")).isEqualTo(1);
    assertThat(params.replicationFactor("dc3")).isZero();
    assertThat(params.totalReplicationFactor()).isEqualTo(4);
  }

  @Test
  void should_leave_out_datacenters_with_no_replicas() {
    ReplicationParams params = ReplicationParams.fromOptions("ks",
        Map.of("class", "NetworkTopologyStrategy", "dc1", "2", "dc2", "0"), TWO_DCS);

    assertThat(params.options()).containsOnlyKeys("dc1");
    assertThat(params.totalReplicationFactor()).isEqualTo(2);
  }

  @Test
  void should_count_simple_strategy_replicas_whatever_the_datacenter() {
    ReplicationParams params = ReplicationParams.fromOptions("ks",
        Map.of("class", "org.apache.cassandra.locator.SimpleStrategy", "replication_factor", "3"), TWO_DCS);

    assertThat(params.strategyClass()).isEqualTo(ReplicationParams.SIMPLE);
    assertThat(params.replicationFactor("dc2")).isEqualTo(3);
    assertThat(params.totalReplicationFactor()).isEqualTo(3);
  }

  @Test
  void should_keep_one_local_replica_for_local_strategy() {
    ReplicationParams params = ReplicationParams.local();

    assertThat(params.asMap()).containsExactly(Map.entry("class", "org.apache.cassandra.locator.LocalStrategy"));
    assertThat(params.replicationFactor("dc1")).isEqualTo(1);
    assertThat(params.totalReplicationFactor()).isEqualTo(1);
  }

  /** As recorded: ALTER ... 'replication_factor': 3 on a keyspace with datacenter1: 2 keeps 2 (and with 0, too). */
  @Test
  void should_keep_current_datacenters_when_alter_uses_the_shorthand() {
    ReplicationParams current = ReplicationParams.fromOptions("r4",
        Map.of("class", "NetworkTopologyStrategy", "datacenter1", "2"), Set.of("datacenter1"));

    ReplicationParams altered = ReplicationParams.fromOptions("r4",
        Map.of("class", "NetworkTopologyStrategy", "replication_factor", "3"), Set.of("datacenter1", "dc2"), current);
    ReplicationParams zero = ReplicationParams.fromOptions("r4",
        Map.of("class", "NetworkTopologyStrategy", "replication_factor", "0"), Set.of("datacenter1"), current);

    assertThat(altered.options()).containsExactly(Map.entry("datacenter1", "2"), Map.entry("dc2", "3"));
    assertThat(zero.options()).containsExactly(Map.entry("datacenter1", "2"));
  }
}
