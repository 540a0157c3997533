package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.MessageRule;
import dev.ringlet.api.MessageVerb;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Range reads at CL > ONE on a 3-node RF=3 cluster with a manual clock: replica 2 misses writes (its
 * MUTATIONs dropped); scans, token-range queries, paged scans and secondary-index queries at ALL
 * answer the reconciled data and repair replica 2 before answering, as Cassandra's range reads do.
 */
class RangeReadRepairTest {

  private RingletCluster cluster;
  private CqlSession session;
  private RingletNode stale;

  @BeforeEach
  void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    session = CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v text)");
    session.execute("CREATE INDEX ON ks.t (v)");
    stale = cluster.node(2);
  }

  @AfterEach
  void stop() {
    session.close();
    cluster.close();
  }

  @Test
  void should_repair_the_replica_that_missed_writes_when_a_paged_scan_reads_at_all() {
    missWritesOnStaleReplica(() -> {
      for (int k = 0; k < 10; k++) {
        session.execute(write("INSERT INTO ks.t (k, v) VALUES (" + k + ", 'v" + k + "')", ConsistencyLevel.QUORUM));
      }
    });
    assertThat(keysOn(stale, "SELECT k FROM ks.t")).isEmpty();

    SimpleStatement scan = at("SELECT k, v FROM ks.t", ConsistencyLevel.ALL).setPageSize(3).setNode(driverNode(cluster.node(0)));
    ResultSet rs = session.execute(scan);
    List<Integer> keys = new ArrayList<>();
    for (Row r : rs) {
      keys.add(r.getInt("k"));
      assertThat(r.getString("v")).isEqualTo("v" + r.getInt("k"));
    }
    assertThat(keys).hasSize(10).doesNotHaveDuplicates();

    assertThat(keysOn(stale, "SELECT k FROM ks.t")).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void should_reconcile_overwrites_and_deletions_by_timestamp_and_repair_them_through_a_token_range_query() {
    session.execute(write("INSERT INTO ks.t (k, v) VALUES (1, 'old')", ConsistencyLevel.ALL));
    session.execute(write("INSERT INTO ks.t (k, v) VALUES (2, 'gone')", ConsistencyLevel.ALL));
    missWritesOnStaleReplica(() -> {
      session.execute(write("UPDATE ks.t SET v = 'new' WHERE k = 1", ConsistencyLevel.QUORUM));
      session.execute(write("DELETE FROM ks.t WHERE k = 2", ConsistencyLevel.QUORUM));
    });
    assertThat(keysOn(stale, "SELECT k FROM ks.t")).containsExactlyInAnyOrder(1, 2);

    List<String> values = new ArrayList<>();
    for (Row r : session.execute(at("SELECT v FROM ks.t WHERE token(k) >= -9223372036854775807", ConsistencyLevel.ALL)
        .setNode(driverNode(cluster.node(1))))) {
      values.add(r.getString(0));
    }
    assertThat(values).containsExactly("new");

    assertThat(keysOn(stale, "SELECT k FROM ks.t")).containsExactly(1);
    cluster.isolate(stale);
    try {
      assertThat(session.execute(at("SELECT v FROM ks.t WHERE k = 1", ConsistencyLevel.ONE).setNode(driverNode(stale))).one()
          .getString(0)).isEqualTo("new");
    } finally {
      cluster.heal();
    }
  }

  @Test
  void should_repair_through_a_secondary_index_query_at_quorum() {
    missWritesOnStaleReplica(() -> {
      session.execute(write("INSERT INTO ks.t (k, v) VALUES (5, 'x')", ConsistencyLevel.QUORUM));
      session.execute(write("INSERT INTO ks.t (k, v) VALUES (6, 'x')", ConsistencyLevel.QUORUM));
    });
    assertThat(keysOn(stale, "SELECT k FROM ks.t WHERE v = 'x'")).isEmpty();

    // QUORUM coordinated by the stale replica: it is always one of the two replicas contacted.
    List<Integer> found = new ArrayList<>();
    for (Row r : session.execute(at("SELECT k FROM ks.t WHERE v = 'x'", ConsistencyLevel.QUORUM).setNode(driverNode(stale)))) {
      found.add(r.getInt(0));
    }
    assertThat(found).containsExactlyInAnyOrder(5, 6);

    assertThat(keysOn(stale, "SELECT k FROM ks.t WHERE v = 'x'")).containsExactlyInAnyOrder(5, 6);
  }

  @Test
  void should_not_write_back_when_the_replicas_agree() {
    for (int k = 0; k < 5; k++) {
      session.execute(write("INSERT INTO ks.t (k, v) VALUES (" + k + ", 'v')", ConsistencyLevel.ALL));
    }
    // A repair MUTATION would be lost and the read would wait for it until its timeout.
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION));
    try {
      assertThat(session.execute(at("SELECT k FROM ks.t", ConsistencyLevel.ALL).setNode(driverNode(cluster.node(1))))
          .all()).hasSize(5);
    } finally {
      cluster.resetFaults();
    }
  }

  /** Runs writes (coordinated by node 0) while every MUTATION request to the stale replica is lost. */
  private void missWritesOnStaleReplica(Runnable writes) {
    cluster.addRule(MessageRule.drop().verb(MessageVerb.MUTATION).to(stale).direction(MessageRule.Direction.REQUEST));
    try {
      writes.run();
    } finally {
      cluster.resetFaults();
    }
  }

  /** The keys a query finds on one replica alone (the others isolated, CL ONE). */
  private List<Integer> keysOn(RingletNode node, String cql) {
    cluster.isolate(node);
    try {
      List<Integer> keys = new ArrayList<>();
      for (Row r : session.execute(at(cql, ConsistencyLevel.ONE).setNode(driverNode(node)))) {
        keys.add(r.getInt(0));
      }
      return keys;
    } finally {
      cluster.heal();
    }
  }

  private SimpleStatement write(String cql, ConsistencyLevel level) {
    return at(cql, level).setNode(driverNode(cluster.node(0)));
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }
}
