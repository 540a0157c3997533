package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.Test;

@CassandraCluster(name = "Orders Cluster", datacenter = "eu-west", releaseVersion = "4.1.5")
class ClusterOptionsTest {

  @Test
  void should_advertise_the_name_datacenter_and_version_asked_for(CqlSession session, RingletCluster cluster) {
    Row local = session.execute("SELECT cluster_name, data_center, release_version FROM system.local").one();
    assertThat(local.getString("cluster_name")).isEqualTo("Orders Cluster");
    assertThat(local.getString("data_center")).isEqualTo("eu-west");
    assertThat(local.getString("release_version")).isEqualTo("4.1.5");
    assertThat(cluster.localDatacenter()).isEqualTo("eu-west");
  }
}
