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

  @Test
  void should_replicate_to_a_datacenter_added_by_alter_keyspace_and_run_local_serial_lwt_without_it() {
    ClusterSpec spec = ClusterSpec.defaults().withDatacenters(DatacenterSpec.of("dc1", 3), DatacenterSpec.of("dc2", 2))
        .withManualClock(true);
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter("dc1")
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
            .build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      session.execute("ALTER KEYSPACE ks WITH replication = {'class': 'NetworkTopologyStrategy', 'dc1': 3, 'dc2': 2}");
      session.execute(at("INSERT INTO ks.t (k, v) VALUES (1, 1)", ConsistencyLevel.ALL));
      // The driver only connects to its local datacenter: a second session reads dc2's replicas.
      try (CqlSession dc2Session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter("dc2").build()) {
        for (RingletNode n : cluster.nodes()) {
          CqlSession s = n.datacenter().equals("dc1") ? session : dc2Session;
          cluster.isolate(n);
          SimpleStatement one = at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ONE)
              .setNode(s.getMetadata().getNodes().get(n.hostId()));
          assertThat(s.execute(one).one().getInt(0)).as("replica %s", n).isEqualTo(1);
          cluster.heal();
        }
      }

      List<RingletNode> dc1 = cluster.nodes().stream().filter(n -> n.datacenter().equals("dc1")).toList();
      List<RingletNode> dc2 = cluster.nodes().stream().filter(n -> n.datacenter().equals("dc2")).toList();
      cluster.partition(List.of(dc1, dc2));
      cluster.advanceClock(Duration.ofSeconds(20));
      SimpleStatement cas = SimpleStatement.newInstance("UPDATE ks.t SET v = 2 WHERE k = 1 IF v = 1")
          .setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM).setSerialConsistencyLevel(ConsistencyLevel.LOCAL_SERIAL);
      assertThat(session.execute(cas).wasApplied()).isTrue();
      // SERIAL needs 3 of all 5 replicas: dc1's three suffice; the condition no longer holds.
      assertThat(session.execute(cas.setSerialConsistencyLevel(ConsistencyLevel.SERIAL)).wasApplied()).isFalse();
      cluster.partition(List.of(List.of(dc1.get(0)), List.of(dc1.get(1), dc1.get(2)), dc2));
      cluster.advanceClock(Duration.ofSeconds(20));
      SimpleStatement fromDc1 = cas.setSerialConsistencyLevel(ConsistencyLevel.SERIAL)
          .setNode(session.getMetadata().getNodes().get(dc1.get(1).hostId()));
      // (The driver retries an Unavailable on the next node; with one node in the plan it reports them all.)
      assertThatThrownBy(() -> session.execute(fromDc1))
          .hasMessageContaining("UnavailableException: Not enough replicas available for query at consistency SERIAL"
              + " (3 required but only 2 alive)");
    }
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }
}
