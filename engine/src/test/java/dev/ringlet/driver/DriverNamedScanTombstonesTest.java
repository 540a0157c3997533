package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A scan naming its rows (every clustering column restricted by {@code =} or {@code IN}, no
 * partition key) reads only those rows on every replica it asks, as 5.0's names filter does.
 * Recorded on two 5.0.9 nodes with {@code read_thresholds_enabled} and the thresholds 10 and 100,
 * the keyspace at RF 1 so that each node holds one of the two partitions (k = 1 on the node owning
 * (-4086191965275498513, -3505383248065363125], k = 2 on the one owning
 * (-3505383248065363125, -1723934527431984285]): {@code WHERE c = 1 ALLOW FILTERING} at ONE and ALL
 * warned {@code 1 nodes scanned up to 13 tombstones} and {@code 1 nodes scanned up to 15 tombstones}
 * (the named rows: k = 1 holds 12 tombstones in c = 0 and 13 in c = 1, k = 2 14 and 15), never the
 * partitions' 25 and 29; at RF 2, {@code c IN (0, 2)} counted 26 on each node (12 + 14: the named rows,
 * not the 54 between them), so at RF 1 the nodes count 12 and 14. Here the two nodes' tokens split
 * the partitions the same way. (5.0 sends
 * one range command per replica set, each warned with its own token range, in no fixed order;
 * Ringlet sends one command to each replica and warns once for the scan, its two replicas' counts
 * aggregated: a known difference. The RF 2 answers are in the read_thresholds_tracked_cluster
 * scenario.)
 */
class DriverNamedScanTombstonesTest {

  @Test
  void should_count_only_the_named_rows_on_each_replica_of_a_scan() {
    ClusterSpec spec = ClusterSpec.defaults().withNodes(2).withNumTokens(1).withTombstoneThresholds(10, 100)
        .withReadThresholdsEnabled(true);
    spec = spec.withDatacenters(spec.datacenters().get(0).withTokens(0, "-3505383248065363125")
        .withTokens(1, "-1723934527431984285"));
    try (RingletCluster cluster = Ringlet.start(spec);
        CqlSession session = CqlSession.builder()
            .addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter())
            .withConfigLoader(DriverConfigLoader.programmaticBuilder()
                .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(30))
                .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false).build())
            .build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.n (k int, c int, d set<int>, v int, PRIMARY KEY (k, c))");
      remove(session, 1, 0, 12);
      remove(session, 1, 1, 13);
      remove(session, 2, 0, 14);
      remove(session, 2, 1, 15);
      session.execute(SimpleStatement.newInstance("INSERT INTO ks.n (k, c, v) VALUES (1, 2, 2)")
          .setConsistencyLevel(ConsistencyLevel.ALL));

      for (ConsistencyLevel level : new ConsistencyLevel[] {ConsistencyLevel.ONE, ConsistencyLevel.ALL}) {
        ResultSet rows = session.execute(SimpleStatement.newInstance("SELECT k, c FROM ks.n WHERE c = 1 ALLOW FILTERING")
            .setConsistencyLevel(level));

        assertThat(rows.all()).hasSize(2);
        assertThat(rows.getExecutionInfo().getWarnings()).as("at %s", level).containsExactly(
            "2 nodes scanned up to 15 tombstones and issued tombstone warnings for query SELECT * FROM ks.n WHERE c = 1"
                + " LIMIT 5000 ALLOW FILTERING (see tombstone_warn_threshold) with token range: (-9223372036854775808,"
                + " -9223372036854775808]");
      }
      // c IN (0, 2): 12 and 14 (5.0.9 at RF 2 counted 12 + 14 = 26 on each node, not the slice [0, 2]'s 54);
      // without the names a replica would count its slice between the first and last name
      ResultSet in = session.execute(SimpleStatement.newInstance("SELECT k, c FROM ks.n WHERE c IN (0, 2) ALLOW FILTERING")
          .setConsistencyLevel(ConsistencyLevel.ALL));
      assertThat(in.all()).hasSize(3);
      assertThat(in.getExecutionInfo().getWarnings()).containsExactly(
          "2 nodes scanned up to 14 tombstones and issued tombstone warnings for query SELECT * FROM ks.n WHERE c IN (0, 2)"
              + " LIMIT 5000 ALLOW FILTERING (see tombstone_warn_threshold) with token range: (-9223372036854775808,"
              + " -9223372036854775808]");
      // the whole partitions, for comparison: 25 and 29
      assertThat(session.execute(SimpleStatement.newInstance("SELECT k, c FROM ks.n").setConsistencyLevel(ConsistencyLevel.ALL))
          .getExecutionInfo().getWarnings()).singleElement().asString().startsWith("2 nodes scanned up to 29 tombstones");
    }
  }

  /** Row (k, c) with v set and {@code n} removed set elements: n tombstone cells. */
  private static void remove(CqlSession session, int k, int c, int n) {
    java.util.Set<Integer> elements = new java.util.LinkedHashSet<>();
    for (int i = 1; i <= n; i++) {
      elements.add(i);
    }
    session.execute(SimpleStatement.newInstance("UPDATE ks.n SET v = ?, d = d - ? WHERE k = ? AND c = ?", c, elements, k, c)
        .setConsistencyLevel(ConsistencyLevel.ALL));
  }
}
