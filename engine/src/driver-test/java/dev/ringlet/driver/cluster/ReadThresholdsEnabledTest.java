package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code read_thresholds_enabled: true} (tombstone thresholds 10 and 100) on a single node and on
 * a 3-node cluster: each replica a read command contacts reports what it scanned, and the
 * coordinator answers 5.0's aggregated warning, {@code N nodes scanned up to M tombstones and
 * issued tombstone warnings for query ... (see tombstone_warn_threshold)}, in place of its own
 * replica's {@code Read N live rows ...}; N counts the replicas the level contacted.
 */
class ReadThresholdsEnabledTest {

  private static final String QUERY = "SELECT * FROM ks.t WHERE k = 1 LIMIT 5000 ALLOW FILTERING";
  /** Murmur3 of the int 1, as 5.0.9 printed it for this test's read (recorded against the reference). */
  private static final long TOKEN_OF_1 = -4069959284402364209L;
  private static final String WHOLE_RING = " with token range: (-9223372036854775808, -9223372036854775808]";

  private static RingletCluster single;
  private static RingletCluster three;
  private static CqlSession singleSession;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    single = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100).withReadThresholdsEnabled(true));
    three = Ringlet.start(ClusterSpec.defaults().withNodes(3).withTombstoneThresholds(10, 100).withReadThresholdsEnabled(true));
    singleSession = connect(single);
    session = connect(three);
    for (CqlSession s : List.of(singleSession, session)) {
      ConsistencyLevel level = s == session ? ConsistencyLevel.ALL : ConsistencyLevel.ONE;
      s.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      s.execute("CREATE KEYSPACE one WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      for (String ks : List.of("ks", "one")) {
        s.execute("CREATE TABLE " + ks + ".t (k int, c int, v int, PRIMARY KEY (k, c))");
        // k = 1: a live row, 11 deleted rows, a live row; k = 2: a live row, 101 deleted rows
        s.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".t (k, c, v) VALUES (1, 0, 0)").setConsistencyLevel(level));
        deleted(s, level, ks + ".t", 1, 11);
        s.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".t (k, c, v) VALUES (1, 20, 20)").setConsistencyLevel(level));
        s.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".t (k, c, v) VALUES (2, 0, 0)").setConsistencyLevel(level));
        deleted(s, level, ks + ".t", 2, 101);
        // s: only a partition like k = 1, for scans
        s.execute("CREATE TABLE " + ks + ".s (k int, c int, v int, PRIMARY KEY (k, c))");
        s.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".s (k, c, v) VALUES (1, 0, 0)").setConsistencyLevel(level));
        deleted(s, level, ks + ".s", 1, 11);
        s.execute(SimpleStatement.newInstance("INSERT INTO " + ks + ".s (k, c, v) VALUES (1, 20, 20)").setConsistencyLevel(level));
      }
    }
  }

  @AfterAll
  static void stop() {
    session.close();
    singleSession.close();
    three.close();
    single.close();
  }

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  private static void deleted(CqlSession s, ConsistencyLevel level, String table, int k, int n) {
    StringBuilder batch = new StringBuilder("BEGIN UNLOGGED BATCH ");
    for (int c = 1; c <= n; c++) {
      batch.append("DELETE FROM ").append(table).append(" WHERE k = ").append(k).append(" AND c = ").append(c).append("; ");
    }
    s.execute(SimpleStatement.newInstance(batch.append("APPLY BATCH").toString()).setConsistencyLevel(level));
  }

  private static Node node(int index) {
    java.util.UUID hostId = three.nodes().get(index).hostId();
    return session.getMetadata().getNodes().values().stream().filter(n -> hostId.equals(n.getHostId())).findFirst().orElseThrow();
  }

  private static List<String> warnings(CqlSession s, String cql, ConsistencyLevel level, Node coordinator) {
    SimpleStatement statement = SimpleStatement.newInstance(cql).setConsistencyLevel(level);
    ResultSet rs = s.execute(coordinator == null ? statement : statement.setNode(coordinator));
    rs.all();
    List<String> out = new ArrayList<>();
    rs.getExecutionInfos().forEach(info -> out.addAll(info.getWarnings()));
    return out;
  }

  private static String warning(int nodes, int tombstones, String query) {
    return nodes + " nodes scanned up to " + tombstones + " tombstones and issued tombstone warnings for query " + query
        + " (see tombstone_warn_threshold) with token=" + TOKEN_OF_1;
  }

  @Test
  void should_answer_the_aggregated_warning_on_a_single_node() {
    assertThat(warnings(singleSession, "SELECT * FROM ks.t WHERE k = 1", ConsistencyLevel.ONE, null))
        .containsExactly(warning(1, 11, QUERY));
    // a read that avoids the tombstones stays silent
    assertThat(warnings(singleSession, "SELECT * FROM ks.t WHERE k = 1 LIMIT 1", ConsistencyLevel.ONE, null)).isEmpty();
    // a scan: one command
    assertThat(warnings(singleSession, "SELECT * FROM one.s WHERE v = 20 ALLOW FILTERING", ConsistencyLevel.ONE, null))
        .containsExactly("1 nodes scanned up to 11 tombstones and issued tombstone warnings for query SELECT * FROM one.s"
            + " WHERE v = 20 LIMIT 5000 ALLOW FILTERING (see tombstone_warn_threshold)" + WHOLE_RING);
  }

  @Test
  void should_count_every_replica_the_level_contacts() {
    for (int coordinator = 0; coordinator < 3; coordinator++) {
      assertThat(warnings(session, "SELECT * FROM ks.t WHERE k = 1", ConsistencyLevel.ONE, node(coordinator)))
          .as("ONE via %d", coordinator).containsExactly(warning(1, 11, QUERY));
      assertThat(warnings(session, "SELECT * FROM ks.t WHERE k = 1", ConsistencyLevel.QUORUM, node(coordinator)))
          .as("QUORUM via %d", coordinator).containsExactly(warning(2, 11, QUERY));
      assertThat(warnings(session, "SELECT * FROM ks.t WHERE k = 1", ConsistencyLevel.ALL, node(coordinator)))
          .as("ALL via %d", coordinator).containsExactly(warning(3, 11, QUERY));
      // at RF 1 the one replica's count reaches the client whichever node coordinates
      assertThat(warnings(session, "SELECT * FROM one.t WHERE k = 1", ConsistencyLevel.ONE, node(coordinator)))
          .as("RF 1 via %d", coordinator)
          .containsExactly(warning(1, 11, "SELECT * FROM one.t WHERE k = 1 LIMIT 5000 ALLOW FILTERING"));
      assertThat(warnings(session, "SELECT * FROM ks.t WHERE k = 1 AND c >= 20", ConsistencyLevel.ALL, node(coordinator)))
          .isEmpty();
    }
    // a scan at RF 3 (every node holds everything): the contacted replicas' counts
    assertThat(warnings(session, "SELECT * FROM ks.s WHERE v = 20 ALLOW FILTERING", ConsistencyLevel.ALL, node(0)))
        .containsExactly("3 nodes scanned up to 11 tombstones and issued tombstone warnings for query SELECT * FROM ks.s"
            + " WHERE v = 20 LIMIT 5000 ALLOW FILTERING (see tombstone_warn_threshold)" + WHOLE_RING);
    // a token restriction narrows the printed range
    assertThat(warnings(session, "SELECT * FROM ks.s WHERE token(k) > -100 AND token(k) <= " + TOKEN_OF_1 + " ALLOW FILTERING",
        ConsistencyLevel.ALL, node(0))).isEmpty();
    assertThat(warnings(session, "SELECT * FROM ks.s WHERE token(k) >= " + TOKEN_OF_1, ConsistencyLevel.ALL, node(1)))
        .singleElement().asString()
        .startsWith("3 nodes scanned up to 11 tombstones and issued tombstone warnings for query SELECT * FROM ks.s"
            + " WHERE token(k) >= " + TOKEN_OF_1 + " LIMIT 5000 ALLOW FILTERING")
        .endsWith(" with token range: (" + TOKEN_OF_1 + ", -9223372036854775808]");
  }

  @Test
  void should_fail_a_read_the_replicas_give_up() {
    ReadFailureException one = catchThrowableOfType(
        () -> singleSession.execute("SELECT * FROM ks.t WHERE k = 2"), ReadFailureException.class);
    assertThat(one.getNumFailures()).isEqualTo(1);
    ReadFailureException all = catchThrowableOfType(() -> session.execute(
        SimpleStatement.newInstance("SELECT * FROM ks.t WHERE k = 2").setConsistencyLevel(ConsistencyLevel.ALL).setNode(node(0))),
        ReadFailureException.class);
    assertThat(all.getReasonMap().values()).containsOnly(1);
  }
}
