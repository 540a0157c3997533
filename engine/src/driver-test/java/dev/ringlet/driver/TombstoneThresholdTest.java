package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cassandra's tombstone thresholds through the driver, made small with
 * {@link ClusterSpec#withTombstoneThresholds}: a read scanning more tombstones than the warning
 * threshold answers with 5.0's warning, more than the failure threshold with READ_FAILURE (the
 * failed replica in the v5 reason map with code 1, READ_TOO_MANY_TOMBSTONES).
 */
class TombstoneThresholdTest {

  private static CqlSession connect(RingletCluster cluster, String protocolVersion) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withString(DefaultDriverOption.PROTOCOL_VERSION, protocolVersion)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  /** Removes elements {@code 1..n} of a set: one tombstone cell each, in one write. */
  private static void tombstones(CqlSession session, int k, int n) {
    Set<Integer> elements = new HashSet<>();
    for (int i = 1; i <= n; i++) {
      elements.add(i);
    }
    session.execute(SimpleStatement.newInstance("UPDATE ks.t SET s = s - ? WHERE k = ? AND c = 1", elements, k));
  }

  @ParameterizedTest
  @ValueSource(strings = {"V4", "V5"})
  void should_warn_past_the_warning_threshold_and_fail_past_the_failure_threshold(String protocolVersion) {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100));
        CqlSession session = connect(cluster, protocolVersion)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, s set<int>, PRIMARY KEY (k, c))");
      tombstones(session, 1, 10);
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 1").getExecutionInfo().getWarnings()).isEmpty();

      tombstones(session, 2, 11);
      ResultSet warned = session.execute("SELECT * FROM ks.t WHERE k = 2");
      assertThat(warned.all()).isEmpty();
      long token = tokenOf(session, 2);
      assertThat(warned.getExecutionInfo().getWarnings()).containsExactly(
          "Read 0 live rows and 11 tombstone cells for query SELECT * FROM ks.t WHERE k = 2 LIMIT 5000 ALLOW FILTERING; token "
              + token + " (see tombstone_warn_threshold)");

      tombstones(session, 3, 101);
      ReadFailureException failure = readFailure(() -> session.execute("SELECT * FROM ks.t WHERE k = 3"));
      InetAddress node = ((InetSocketAddress) cluster.contactPoints().iterator().next()).getAddress();
      // the driver words the message itself from the error's fields
      assertThat(failure.getMessage()).isEqualTo("Cassandra failure during read query at consistency LOCAL_ONE"
          + " (1 responses were required but only 0 replica responded, 1 failed)");
      assertThat(failure.getConsistencyLevel()).isEqualTo(ConsistencyLevel.LOCAL_ONE);
      assertThat(failure.getReceived()).isZero();
      assertThat(failure.getBlockFor()).isEqualTo(1);
      assertThat(failure.getNumFailures()).isEqualTo(1);
      assertThat(failure.wasDataPresent()).isFalse();
      // protocol v5 names each failed replica with its reason code; v4 only counts them
      assertThat(failure.getReasonMap()).isEqualTo(protocolVersion.equals("V5") ? Map.of(node, 1) : Map.of());
      // a full scan reads that partition too
      assertThatThrownBy(() -> session.execute("SELECT * FROM ks.t")).isInstanceOf(ReadFailureException.class);
      // the other partitions stay readable
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 4").all()).isEmpty();
    }
  }

  @Test
  void should_count_only_the_rows_a_read_reads() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100));
        CqlSession session = connect(cluster, "V5")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v int, PRIMARY KEY (k, c))");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 0, 0)");
      // Given rows 1 to 12 that hold only a deleted cell each (one tombstone each), half of them
      // flushed to an SSTable and half in the memtable
      for (int c = 1; c <= 12; c++) {
        session.execute(SimpleStatement.newInstance("UPDATE ks.t SET v = null WHERE k = 1 AND c = ?", c));
        if (c == 6) {
          cluster.nodes().get(0).flush();
        }
      }
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 100, 100)");
      long token = tokenOf(session, 1);
      ResultSet all = session.execute("SELECT * FROM ks.t WHERE k = 1");
      assertThat(all.all()).hasSize(2);
      assertThat(all.getExecutionInfo().getWarnings()).containsExactly("Read 2 live rows and 12 tombstone cells for query"
          + " SELECT * FROM ks.t WHERE k = 1 LIMIT 5000 ALLOW FILTERING; token " + token + " (see tombstone_warn_threshold)");
      // a slice past them, a LIMIT met before them, a single row: nothing to warn about
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 1 AND c >= 50").getExecutionInfo().getWarnings()).isEmpty();
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 1 LIMIT 1").getExecutionInfo().getWarnings()).isEmpty();
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 1 AND c = 5").getExecutionInfo().getWarnings()).isEmpty();
      // reversed, the slice is read from its end and named in the warning as 5.0 prints it
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 1 AND c <= 12 ORDER BY c DESC").getExecutionInfo().getWarnings())
          .containsExactly("Read 1 live rows and 12 tombstone cells for query SELECT * FROM ks.t WHERE k = 1 AND c <= 12"
              + " ORDER BY c DESC LIMIT 5000 ALLOW FILTERING; token " + token + " (see tombstone_warn_threshold)");
      assertThat(session.execute("SELECT * FROM ks.t WHERE k = 1 ORDER BY c DESC LIMIT 1").getExecutionInfo().getWarnings())
          .isEmpty();
    }
  }

  @Test
  void should_count_a_paged_scan_only_from_where_its_page_resumes() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100));
        CqlSession session = connect(cluster, "V5")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.p (k int, c int, v int, PRIMARY KEY (k, c))");
      pagedScanWarnings(session);
    }
  }

  /**
   * Writes live rows at c = 10, 30, 50 of ks.p's partition 1 with 6 deleted rows between the first
   * two and 11 between the last two, scans it two rows a page and checks each page counts only what
   * it read: the second page resumes after c = 30. (ClusterTombstoneThresholdTest does the same on a
   * cluster.)
   */
  private static void pagedScanWarnings(CqlSession session) {
    session.execute("INSERT INTO ks.p (k, c, v) VALUES (1, 10, 10)");
    for (int c = 11; c <= 16; c++) {
      session.execute(SimpleStatement.newInstance("DELETE FROM ks.p WHERE k = 1 AND c = ?", c));
    }
    session.execute("INSERT INTO ks.p (k, c, v) VALUES (1, 30, 30)");
    for (int c = 31; c <= 41; c++) {
      session.execute(SimpleStatement.newInstance("DELETE FROM ks.p WHERE k = 1 AND c = ?", c));
    }
    session.execute("INSERT INTO ks.p (k, c, v) VALUES (1, 50, 50)");
    ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT * FROM ks.p").setPageSize(2));
    assertThat(rs.all()).extracting(r -> r.getInt("c")).containsExactly(10, 30, 50);
    java.util.List<String> warnings = new java.util.ArrayList<>();
    rs.getExecutionInfos().forEach(info -> warnings.addAll(info.getWarnings()));
    // page 1 read 6 tombstones (no warning); page 2 only the 11 after c = 30, not the 6 before,
    // and its command starts at that partition, as 5.0's pager prints it
    assertThat(warnings).containsExactly("Read 1 live rows and 11 tombstone cells for query SELECT * FROM ks.p"
        + " WHERE token(k) >= token(1) LIMIT 2 ALLOW FILTERING; token " + tokenOf(session, 1) + " (see tombstone_warn_threshold)");
  }

  private static ReadFailureException readFailure(Runnable request) {
    try {
      request.run();
    } catch (ReadFailureException e) {
      return e;
    }
    throw new AssertionError("expected a ReadFailureException");
  }

  /** The partition's token, read from a live row of the same key in another table. */
  private static long tokenOf(CqlSession session, int k) {
    session.execute("CREATE TABLE IF NOT EXISTS ks.keys (k int PRIMARY KEY)");
    session.execute(SimpleStatement.newInstance("INSERT INTO ks.keys (k) VALUES (?)", k));
    return session.execute(SimpleStatement.newInstance("SELECT token(k) FROM ks.keys WHERE k = ?", k)).one().getLong(0);
  }

  @Test
  void should_answer_read_failure_from_the_replicas_of_a_cluster_that_give_up() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withTombstoneThresholds(10, 100));
        CqlSession session = connect(cluster, "V5")) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int, c int, s set<int>, PRIMARY KEY (k, c))");
      Set<Integer> elements = new HashSet<>();
      for (int i = 1; i <= 101; i++) {
        elements.add(i);
      }
      session.execute(SimpleStatement.newInstance("UPDATE ks.t SET s = s - ? WHERE k = 1 AND c = 1", elements)
          .setConsistencyLevel(ConsistencyLevel.ALL));

      ReadFailureException quorum = readFailure(() -> session.execute(
          SimpleStatement.newInstance("SELECT * FROM ks.t WHERE k = 1").setConsistencyLevel(ConsistencyLevel.QUORUM)));
      // both contacted replicas scanned too many tombstones and said so at once (no timeout)
      assertThat(quorum.getConsistencyLevel()).isEqualTo(ConsistencyLevel.QUORUM);
      assertThat(quorum.getBlockFor()).isEqualTo(2);
      assertThat(quorum.getNumFailures()).isBetween(1, 2);
      assertThat(quorum.getReasonMap().values()).containsOnly(1);
      assertThat(quorum.getReasonMap()).hasSize(quorum.getNumFailures());

      assertThatThrownBy(() -> session.execute(
          SimpleStatement.newInstance("SELECT * FROM ks.t").setConsistencyLevel(ConsistencyLevel.ONE)))
          .isInstanceOf(ReadFailureException.class);
    }
  }
}
