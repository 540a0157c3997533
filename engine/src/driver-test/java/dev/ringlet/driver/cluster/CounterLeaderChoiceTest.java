package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Counter leaders as Cassandra 5.0 chooses them (StorageProxy.findSuitableReplica): a random live
 * replica of the coordinator's datacenter for each write, the coordinator itself no more likely
 * than another; the draws are seeded per node, so a spec repeats them.
 */
class CounterLeaderChoiceTest {

  private static final int WRITES = 30;

  @Test
  void should_spread_the_leaders_of_one_coordinators_increments_over_every_local_replica_the_same_way_each_run() {
    List<Long> first = ledPerNode();
    // Every replica led some of the increments made through node 0, and they add up.
    assertThat(first).allSatisfy(n -> assertThat(n).isPositive());
    assertThat(first.stream().mapToLong(Long::longValue).sum()).isEqualTo(WRITES);
    // The same spec draws the same leaders.
    assertThat(ledPerNode()).isEqualTo(first);
  }

  /** Increments through node 0 whose shards never leave their leader: each node then counts what it led. */
  private static List<Long> ledPerNode() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true)
        .withClusterName("counter-leaders"));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.c (k int PRIMARY KEY, n counter)");
      cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION));
      RingletNode coordinator = cluster.node(0);
      for (int i = 0; i < WRITES; i++) {
        session.execute(SimpleStatement.newInstance("UPDATE ks.c SET n = n + 1 WHERE k = 1").setConsistencyLevel(ConsistencyLevel.ONE)
            .setNode(session.getMetadata().getNodes().get(coordinator.hostId())));
      }
      cluster.heal();
      List<Long> led = new ArrayList<>();
      for (RingletNode n : cluster.nodes()) {
        cluster.isolate(n);
        Row row = session.execute(SimpleStatement.newInstance("SELECT n FROM ks.c WHERE k = 1").setConsistencyLevel(ConsistencyLevel.ONE)
            .setNode(session.getMetadata().getNodes().get(n.hostId()))).one();
        led.add(row == null ? 0L : row.getLong(0));
        cluster.heal();
      }
      return led;
    }
  }
}
