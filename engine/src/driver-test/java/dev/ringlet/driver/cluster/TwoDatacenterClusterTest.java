package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two datacenters (3 + 2 nodes): LOCAL_QUORUM survives losing the other datacenter, EACH_QUORUM does not. */
class TwoDatacenterClusterTest {

  @Test
  void should_keep_local_quorum_working_when_the_other_datacenter_is_partitioned_away() {
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 3), DatacenterSpec.of("dc2", 2))
        .withManualClock(true);
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter("dc1")
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
            .build()) {
      assertThat(session.getMetadata().getNodes()).hasSize(5);
      assertThat(session.getMetadata().getNodes().values()).extracting(n -> n.getDatacenter())
          .containsExactlyInAnyOrder("dc1", "dc1", "dc1", "dc2", "dc2");
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (0, 0)", ConsistencyLevel.EACH_QUORUM));

      List<RingletNode> dc1 = cluster.nodes().stream().filter(n -> n.datacenter().equals("dc1")).toList();
      List<RingletNode> dc2 = cluster.nodes().stream().filter(n -> n.datacenter().equals("dc2")).toList();
      cluster.partition(List.of(dc1, dc2));
      cluster.advanceClock(Duration.ofSeconds(20)); // each side convicts the other

      for (int k = 1; k <= 10; k++) {
        session.execute(at("INSERT INTO ks.t (k, v) VALUES (" + k + ", " + k + ")", ConsistencyLevel.LOCAL_QUORUM));
        assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = " + k, ConsistencyLevel.LOCAL_QUORUM)).one().getInt(0))
            .isEqualTo(k);
      }
      assertThatThrownBy(() -> session.execute(at("INSERT INTO ks.t (k, v) VALUES (11, 11)", ConsistencyLevel.EACH_QUORUM)))
          .isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.getRequired()).isEqualTo(2);
            assertThat(e.getAlive()).isEqualTo(0);
          });
      // QUORUM of 5 replicas is 3: dc1 alone still makes it; ALL does not.
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.QUORUM)).one().getInt(0)).isEqualTo(1);
      assertThatThrownBy(() -> session.execute(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ALL)))
          .isInstanceOfSatisfying(UnavailableException.class, e -> {
            assertThat(e.getRequired()).isEqualTo(5);
            assertThat(e.getAlive()).isEqualTo(3);
          });

      cluster.heal();
      cluster.advanceClock(Duration.ofSeconds(1));
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (11, 11)", ConsistencyLevel.EACH_QUORUM));
    }
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }
}
