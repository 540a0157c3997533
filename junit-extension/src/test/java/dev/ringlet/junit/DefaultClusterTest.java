package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverExecutionProfile;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

@CassandraCluster
class DefaultClusterTest {

  @Test
  void should_give_one_node_in_datacenter1(RingletCluster cluster, RingletNode node, List<InetSocketAddress> contactPoints) {
    assertThat(cluster.nodes()).containsExactly(node);
    assertThat(node.datacenter()).isEqualTo("datacenter1");
    assertThat(cluster.localDatacenter()).isEqualTo("datacenter1");
    assertThat(contactPoints).isEqualTo(cluster.contactPoints()).containsExactly(node.nativeAddress());
  }

  @Test
  void should_inject_a_session_connected_to_the_cluster(CqlSession session, RingletNode node) {
    Row local = session.execute("SELECT cluster_name, data_center, release_version FROM system.local").one();
    assertThat(local.getString("cluster_name")).isEqualTo("Ringlet Cluster");
    assertThat(local.getString("data_center")).isEqualTo("datacenter1");
    assertThat(local.getString("release_version")).isEqualTo("5.0.9");
    assertThat(session.getKeyspace()).isEmpty();
    assertThat(session.getMetadata().getNodes()).hasSize(1);
    assertThat(session.getMetadata().getNodes().values().iterator().next().getHostId()).isEqualTo(node.hostId());
  }

  @Test
  void should_tune_the_driver_for_fast_ddl(CqlSession session) {
    DriverExecutionProfile profile = session.getContext().getConfig().getDefaultProfile();
    assertThat(profile.getDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW)).isLessThanOrEqualTo(Duration.ofMillis(10));
    assertThat(profile.getDuration(DefaultDriverOption.METADATA_TOPOLOGY_WINDOW)).isLessThanOrEqualTo(Duration.ofMillis(10));
    assertThat(profile.getDuration(DefaultDriverOption.CONTROL_CONNECTION_AGREEMENT_INTERVAL))
        .isLessThanOrEqualTo(Duration.ofMillis(10));
  }

  @Test
  void should_inject_the_same_session_into_every_test_of_the_class(CqlSession first, CqlSession second) {
    assertThat(first).isSameAs(second);
  }
}
