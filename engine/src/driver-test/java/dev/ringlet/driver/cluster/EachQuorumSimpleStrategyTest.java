package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.InvalidQueryException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EACH_QUORUM on a SimpleStrategy keyspace, as Cassandra 5.0 runs it: a QUORUM of all the
 * replicas wherever they are (its {@code blockFor} and liveness check fall back to QUORUM's, with
 * the real alive count in Unavailable), and refused as a conditional update's commit level.
 */
class EachQuorumSimpleStrategyTest {

  @Test
  void should_need_a_quorum_of_all_replicas_on_three_nodes() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = connect(cluster, "datacenter1")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 1)", ConsistencyLevel.EACH_QUORUM));

      // Given one node of three cut off: two replicas still make QUORUM
      RingletNode first = cluster.node(0);
      cluster.partition(List.of(List.of(first, cluster.node(1)), List.of(cluster.node(2))));
      cluster.advanceClock(Duration.ofSeconds(20));
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (2, 2)", ConsistencyLevel.EACH_QUORUM).setNode(
          session.getMetadata().getNodes().get(first.hostId())));
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 2", ConsistencyLevel.EACH_QUORUM)
          .setNode(session.getMetadata().getNodes().get(first.hostId()))).one().getInt(0)).isEqualTo(2);

      // When the coordinator is alone
      cluster.partition(List.of(List.of(first), List.of(cluster.node(1)), List.of(cluster.node(2))));
      cluster.advanceClock(Duration.ofSeconds(20));

      // Then reads and writes fail with QUORUM's counts: 2 required, 1 alive (not NetworkTopologyStrategy's 0)
      for (String cql : List.of("INSERT INTO ks.t (k, v) VALUES (3, 3)", "SELECT v FROM ks.t WHERE k = 1", "SELECT * FROM ks.t")) {
        assertThatThrownBy(() -> session.execute(at(cql, ConsistencyLevel.EACH_QUORUM)
            .setNode(session.getMetadata().getNodes().get(first.hostId()))))
            .as(cql)
            .hasMessageContaining("Not enough replicas available for query at consistency EACH_QUORUM (2 required but only 1 alive)");
      }
    }
  }

  @Test
  void should_count_replicas_of_every_datacenter_together() {
    // dc1 has one node, dc2 two: with SimpleStrategy RF 3 each node holds a replica of every token
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 1), DatacenterSpec.of("dc2", 2))
        .withManualClock(true);
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession session = connect(cluster, "dc1")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      List<RingletNode> dc2 = cluster.nodes().stream().filter(n -> n.datacenter().equals("dc2")).toList();
      RingletNode dc1 = cluster.nodes().stream().filter(n -> n.datacenter().equals("dc1")).findFirst().orElseThrow();

      // When one dc2 node is cut off, dc1's replica and the other dc2 one make the quorum of 2
      cluster.partition(List.of(List.of(dc1, dc2.get(0)), List.of(dc2.get(1))));
      cluster.advanceClock(Duration.ofSeconds(20));
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 1)", ConsistencyLevel.EACH_QUORUM));
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.EACH_QUORUM)).one().getInt(0))
          .isEqualTo(1);

      // And with dc1 alone, the quorum of all replicas is missing: 2 required, 1 alive
      // (the driver's plan holds only its local datacenter's node, so it reports that node's error)
      cluster.partition(List.of(List.of(dc1), dc2));
      cluster.advanceClock(Duration.ofSeconds(20));
      assertThatThrownBy(() -> session.execute(at("INSERT INTO ks.t (k, v) VALUES (2, 2)", ConsistencyLevel.EACH_QUORUM)))
          .hasMessageContaining("UnavailableException: Not enough replicas available for query at consistency EACH_QUORUM"
              + " (2 required but only 1 alive)");
    }
  }

  @Test
  void should_refuse_each_quorum_as_the_commit_level_of_a_conditional_update() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = connect(cluster, "datacenter1")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE KEYSPACE nts WITH replication = {'class': 'NetworkTopologyStrategy', 'datacenter1': 3}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      session.execute("CREATE TABLE nts.t (k int PRIMARY KEY, v int)");

      assertThatThrownBy(() -> session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 1) IF NOT EXISTS", ConsistencyLevel.EACH_QUORUM)))
          .isInstanceOf(InvalidQueryException.class)
          .hasMessage("consistency level EACH_QUORUM not compatible with replication strategy"
              + " (org.apache.cassandra.locator.SimpleStrategy)");
      assertThat(session.execute(at("INSERT INTO nts.t (k, v) VALUES (1, 1) IF NOT EXISTS", ConsistencyLevel.EACH_QUORUM))
          .wasApplied()).isTrue();
    }
  }

  private static CqlSession connect(RingletCluster cluster, String localDatacenter) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(localDatacenter)
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }
}
