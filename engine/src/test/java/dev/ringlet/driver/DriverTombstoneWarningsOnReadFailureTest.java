package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A read that fails past {@code tombstone_failure_threshold} answers its READ_FAILURE with the
 * tombstone warnings 5.0 gathered before it (recorded in the warnings_on_errors scenario): the
 * warning of each read command that completed over the warning threshold, then the failing
 * command's own count (the failure threshold plus one), after any aggregation warning. With
 * {@code read_thresholds_enabled} the coordinator's aggregated warnings of the completed commands
 * come instead, then the abort's {@code N nodes scanned over ... aborted the query} warning, the
 * coordinator's own replica's abort included (recorded on one 5.0.9 node: read_thresholds_tracked;
 * 5.0.9 lists the commands' warnings in no fixed order). Partition 1 holds 11 tombstone cells,
 * partition 2 101, with the thresholds 10 and 100.
 */
class DriverTombstoneWarningsOnReadFailureTest {

  private static final long TOKEN_1 = -4069959284402364209L;
  private static final long TOKEN_2 = -3248873570005575792L;

  private static final String WARNED_1 = "Read 0 live rows and 11 tombstone cells for query SELECT * FROM ks.t WHERE k = 1"
      + " LIMIT 5000 ALLOW FILTERING; token " + TOKEN_1 + " (see tombstone_warn_threshold)";
  private static final String FAILED_2 = "Read 0 live rows and 101 tombstone cells for query SELECT * FROM ks.t WHERE k = 2"
      + " LIMIT 5000 ALLOW FILTERING; token " + TOKEN_2 + " (see tombstone_warn_threshold)";

  private static CqlSession connect(RingletCluster cluster, ErrorFrameWarnings frames) {
    return frames.sessionBuilder()
        .addContactPoints(cluster.contactPoints())
        .withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            // DDL on a three-node cluster waits for schema agreement on a shared, busy machine
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, java.time.Duration.ofSeconds(30))
            .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false).build())
        .build();
  }

  private static void tombstones(CqlSession session, int replicationFactor) {
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': "
        + replicationFactor + "}");
    session.execute("CREATE TABLE ks.t (k int, c int, s set<int>, v int, PRIMARY KEY (k, c))");
    session.execute(SimpleStatement.newInstance("UPDATE ks.t SET s = s - ? WHERE k = 1 AND c = 1", range(11)));
    session.execute(SimpleStatement.newInstance("UPDATE ks.t SET s = s - ? WHERE k = 2 AND c = 1", range(101)));
  }

  private static Set<Integer> range(int n) {
    Set<Integer> out = new LinkedHashSet<>();
    for (int i = 1; i <= n; i++) {
      out.add(i);
    }
    return out;
  }

  /** Runs {@code cql}, expects a READ_FAILURE, and answers the warnings of its ERROR frame. */
  private static List<String> failing(CqlSession session, ErrorFrameWarnings frames, String cql) {
    frames.clear();
    Throwable error = catchThrowable(() -> session.execute(cql));
    assertThat(error).isInstanceOf(ReadFailureException.class);
    return frames.lastError();
  }

  private static void assertUntrackedWarnings(CqlSession session, ErrorFrameWarnings frames) {
    assertThat(failing(session, frames, "SELECT * FROM ks.t WHERE k = 2")).containsExactly(FAILED_2);
    // each partition of an IN is a command of its own, read in key order
    assertThat(failing(session, frames, "SELECT * FROM ks.t WHERE k IN (2, 1)")).containsExactly(WARNED_1, FAILED_2);
    assertThat(failing(session, frames, "SELECT count(*) FROM ks.t WHERE k IN (1, 2)")).containsExactly(
        "Aggregation query used on multiple partition keys (IN restriction)", WARNED_1, FAILED_2);
    // a scan is one command: its count runs on into partition 2 (token order), where it gives up
    assertThat(failing(session, frames, "SELECT * FROM ks.t")).containsExactly("Read 0 live rows and 101 tombstone"
        + " cells for query SELECT * FROM ks.t LIMIT 5000 ALLOW FILTERING; token " + TOKEN_2
        + " (see tombstone_warn_threshold)");
    assertThat(failing(session, frames, "SELECT k, count(*) FROM ks.t WHERE k IN (1, 2) GROUP BY k")).containsExactly(
        "Aggregation query used on multiple partition keys (IN restriction)",
        "Read 0 live rows and 11 tombstone cells for query SELECT * FROM ks.t WHERE k = 1 GROUP LIMIT 5000 LIMIT 5000"
            + " ALLOW FILTERING; token " + TOKEN_1 + " (see tombstone_warn_threshold)",
        "Read 0 live rows and 101 tombstone cells for query SELECT * FROM ks.t WHERE k = 2 GROUP LIMIT 5000 LIMIT 5000"
            + " ALLOW FILTERING; token " + TOKEN_2 + " (see tombstone_warn_threshold)");
  }

  @Test
  void should_send_the_tombstone_warnings_of_a_failing_read_on_one_node() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100));
        CqlSession session = connect(cluster, frames)) {
      tombstones(session, 1);
      assertUntrackedWarnings(session, frames);
    }
  }

  @Test
  void should_send_the_coordinator_replica_warnings_of_a_failing_read_in_a_cluster() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    // every node is a replica of every partition: the coordinator reads its own at ONE
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withTombstoneThresholds(10, 100));
        CqlSession session = connect(cluster, frames)) {
      tombstones(session, 3);
      assertUntrackedWarnings(session, frames);
    }
  }

  @Test
  void should_send_the_cluster_path_warnings_of_a_failing_read_on_a_one_node_cluster() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    // a manual clock runs a single node through the coordinator's cluster path
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withManualClock(true)
        .withTombstoneThresholds(10, 100)); CqlSession session = connect(cluster, frames)) {
      tombstones(session, 1);
      assertUntrackedWarnings(session, frames);
    }
  }

  @Test
  void should_send_the_aggregated_warnings_of_completed_commands_with_read_thresholds_enabled() {
    ErrorFrameWarnings frames = new ErrorFrameWarnings();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100)
        .withReadThresholdsEnabled(true)); CqlSession session = connect(cluster, frames)) {
      tombstones(session, 1);
      // the own replica's abort warns too (recorded: read_thresholds_tracked)
      String aborted = "1 nodes scanned over 101 tombstones and aborted the query SELECT * FROM ks.t WHERE k = 2"
          + " LIMIT 5000 ALLOW FILTERING (see tombstone_failure_threshold) with token=" + TOKEN_2;
      assertThat(failing(session, frames, "SELECT * FROM ks.t WHERE k = 2")).containsExactly(aborted);
      assertThat(failing(session, frames, "SELECT * FROM ks.t WHERE k IN (1, 2)")).containsExactly(
          "1 nodes scanned up to 11 tombstones and issued tombstone warnings for query SELECT * FROM ks.t WHERE k = 1"
              + " LIMIT 5000 ALLOW FILTERING (see tombstone_warn_threshold) with token=" + TOKEN_1, aborted);
    }
  }
}
