package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
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
 * Filtered reads (ALLOW FILTERING on a regular column, token restrictions) in a 3-node cluster
 * with the tombstone thresholds 10 (warning) and 100 (failure), compared with a single node holding
 * the same data: the row filter travels with the read command, so each replica applies it and
 * stops counting at the row that fills the command's limit of matching rows (and does not read
 * the partitions outside the token restrictions), as 5.0's replicas do. A read that a single node
 * answers therefore does not fail on the cluster's replicas, and the warnings are the same.
 */
class ClusterFilteredTombstoneTest {

  private static RingletCluster single;
  private static RingletCluster three;
  private static CqlSession singleSession;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    single = Ringlet.start(ClusterSpec.defaults().withTombstoneThresholds(10, 100));
    three = Ringlet.start(ClusterSpec.defaults().withNodes(3).withTombstoneThresholds(10, 100));
    singleSession = connect(single);
    session = connect(three);
    for (CqlSession s : List.of(singleSession, session)) {
      s.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      s.execute("CREATE KEYSPACE one WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      for (String ks : List.of("ks", "one")) {
        s.execute("CREATE TABLE " + ks + ".f (k int, c int, v int, PRIMARY KEY (k, c))");
        s.execute("CREATE TABLE " + ks + ".lim (k int, c int, v int, PRIMARY KEY (k, c))");
        // f, k = 1: a matching row, a row the filter drops, 11 deleted rows, a matching row
        s.execute(write(s, "INSERT INTO " + ks + ".f (k, c, v) VALUES (1, 0, 1)"));
        s.execute(write(s, "INSERT INTO " + ks + ".f (k, c, v) VALUES (1, 1, 0)"));
        deleted(s, ks + ".f", 1, 2, 12);
        s.execute(write(s, "INSERT INTO " + ks + ".f (k, c, v) VALUES (1, 20, 1)"));
        // f, k = 2: a matching row, then 101 deleted rows (past the failure threshold), a matching row
        s.execute(write(s, "INSERT INTO " + ks + ".f (k, c, v) VALUES (2, 0, 1)"));
        deleted(s, ks + ".f", 2, 1, 101);
        s.execute(write(s, "INSERT INTO " + ks + ".f (k, c, v) VALUES (2, 200, 1)"));
        // lim: four partitions, each a matching row at c = 0 then 40 deleted rows (160 tombstones in all)
        for (int k = 1; k <= 4; k++) {
          s.execute(write(s, "INSERT INTO " + ks + ".lim (k, c, v) VALUES (" + k + ", 0, 0)"));
          deleted(s, ks + ".lim", k, 1, 40);
        }
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

  /** At ALL on the cluster (every replica holds the data), ONE on the single node. */
  private static SimpleStatement write(CqlSession s, String cql) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(s == session ? ConsistencyLevel.ALL : ConsistencyLevel.ONE);
  }

  /** Deletes the rows {@code from..to} of partition {@code k}: one row tombstone each, on every replica. */
  private static void deleted(CqlSession s, String table, int k, int from, int to) {
    StringBuilder batch = new StringBuilder("BEGIN UNLOGGED BATCH ");
    for (int c = from; c <= to; c++) {
      batch.append("DELETE FROM ").append(table).append(" WHERE k = ").append(k).append(" AND c = ").append(c).append("; ");
    }
    s.execute(write(s, batch.append("APPLY BATCH").toString()));
  }

  private static Node node(int index) {
    java.util.UUID hostId = three.nodes().get(index).hostId();
    return session.getMetadata().getNodes().values().stream().filter(n -> hostId.equals(n.getHostId())).findFirst().orElseThrow();
  }

  /** The rows (as text) and warnings of one read, every page. */
  private record Answer(List<String> rows, List<String> warnings) {}

  private static Answer read(CqlSession s, String cql, ConsistencyLevel level, Node coordinator) {
    SimpleStatement statement = SimpleStatement.newInstance(cql).setConsistencyLevel(level);
    ResultSet rs = s.execute(coordinator == null ? statement : statement.setNode(coordinator));
    List<String> rows = new ArrayList<>();
    for (Row r : rs) {
      rows.add(r.getFormattedContents());
    }
    List<String> warnings = new ArrayList<>();
    rs.getExecutionInfos().forEach(info -> warnings.addAll(info.getWarnings()));
    return new Answer(rows, warnings);
  }

  @Test
  void should_stop_counting_a_filtered_partition_read_at_the_row_that_fills_its_limit() {
    String cql = "SELECT * FROM ks.f WHERE k = 2 AND v = 1 LIMIT 1 ALLOW FILTERING";
    Answer expected = read(singleSession, cql, ConsistencyLevel.ONE, null);
    assertThat(expected.rows()).hasSize(1);
    for (ConsistencyLevel level : List.of(ConsistencyLevel.ONE, ConsistencyLevel.QUORUM, ConsistencyLevel.ALL)) {
      for (int coordinator = 0; coordinator < 3; coordinator++) {
        assertThat(read(session, cql, level, node(coordinator))).as("%s via node %d", level, coordinator).isEqualTo(expected);
      }
    }
    // without the LIMIT the read walks all 101 deleted rows, on a single node and on the replicas
    String whole = "SELECT * FROM ks.f WHERE k = 2 AND v = 1 ALLOW FILTERING";
    assertThat(catchThrowable(() -> read(singleSession, whole, ConsistencyLevel.ONE, null))).isInstanceOf(ReadFailureException.class);
    assertThat(catchThrowable(() -> read(session, whole, ConsistencyLevel.QUORUM, node(0))))
        .isInstanceOf(ReadFailureException.class);
  }

  @Test
  void should_warn_for_a_filtered_partition_read_as_a_single_node_does() {
    // LIMIT 2: the second matching row is past the 11 deleted rows, so the read walks them
    for (String cql : List.of("SELECT * FROM ks.f WHERE k = 1 AND v = 1 LIMIT 2 ALLOW FILTERING",
        "SELECT * FROM ks.f WHERE k = 1 AND v = 1 LIMIT 1 ALLOW FILTERING",
        "SELECT * FROM ks.f WHERE k = 1 AND v = 0 ALLOW FILTERING")) {
      Answer expected = read(singleSession, cql, ConsistencyLevel.ONE, null);
      for (int coordinator = 0; coordinator < 3; coordinator++) {
        assertThat(read(session, cql, ConsistencyLevel.QUORUM, node(coordinator))).as("%s via node %d", cql, coordinator)
            .isEqualTo(expected);
      }
    }
    assertThat(read(singleSession, "SELECT * FROM ks.f WHERE k = 1 AND v = 1 LIMIT 2 ALLOW FILTERING", ConsistencyLevel.ONE,
        null).warnings()).singleElement().asString().startsWith("Read 3 live rows and 11 tombstone cells for query");
  }

  @Test
  void should_stop_counting_a_filtered_scan_at_the_row_that_fills_its_limit() {
    for (String ks : List.of("ks", "one")) {
      for (String cql : List.of("SELECT * FROM " + ks + ".lim WHERE v = 0 LIMIT 1 ALLOW FILTERING",
          "SELECT * FROM " + ks + ".lim WHERE v = 0 PER PARTITION LIMIT 1 LIMIT 2 ALLOW FILTERING")) {
        Answer expected = read(singleSession, cql, ConsistencyLevel.ONE, null);
        for (int coordinator = 0; coordinator < 3; coordinator++) {
          Answer answer = read(session, cql, ConsistencyLevel.ONE, node(coordinator));
          assertThat(answer.rows()).as("%s via node %d", cql, coordinator).isEqualTo(expected.rows());
          if (ks.equals("ks")) {
            // every node holds every partition at RF 3: the coordinator's own replica's warning
            assertThat(answer.warnings()).as("%s via node %d", cql, coordinator).isEqualTo(expected.warnings());
          }
        }
      }
      // the whole filtered scan walks all 160 deleted rows and fails, as on a single node; at RF 1
      // each replica counts only the partitions it holds (5.0 sends each one its own range command)
      String whole = "SELECT * FROM " + ks + ".lim WHERE v = 0 ALLOW FILTERING";
      assertThat(catchThrowable(() -> read(singleSession, whole, ConsistencyLevel.ONE, null)))
          .isInstanceOf(ReadFailureException.class);
      Throwable failure = catchThrowable(() -> read(session, whole, ConsistencyLevel.ONE, node(0)));
      if (ks.equals("ks") || mostPartitionsOnOneReplica(ks) * 40 > 100) {
        assertThat(failure).as(ks).isInstanceOf(ReadFailureException.class);
      } else {
        assertThat(failure).as(ks).isNull();
      }
    }
  }

  /** The most partitions of {@code ks.lim} one node holds. */
  private static int mostPartitionsOnOneReplica(String ks) {
    java.util.Map<Node, Integer> held = new java.util.HashMap<>();
    for (int k = 1; k <= 4; k++) {
      java.nio.ByteBuffer key = com.datastax.oss.driver.api.core.type.codec.TypeCodecs.INT.encode(k,
          session.getContext().getProtocolVersion());
      for (Node n : session.getMetadata().getTokenMap().orElseThrow()
          .getReplicas(com.datastax.oss.driver.api.core.CqlIdentifier.fromCql(ks), key)) {
        held.merge(n, 1, Integer::sum);
      }
    }
    return held.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  @Test
  void should_not_count_the_partitions_outside_a_scans_token_restrictions() {
    List<Long> tokens = new ArrayList<>();
    for (Row r : singleSession.execute("SELECT token(k) FROM ks.lim PER PARTITION LIMIT 1")) {
      tokens.add(r.getLong(0));
    }
    assertThat(tokens).hasSize(4);
    // the first partition only, then the last only: 40 tombstones each (a warning), not the 160 of the table
    for (String ks : List.of("ks", "one")) {
      for (String cql : List.of("SELECT * FROM " + ks + ".lim WHERE token(k) <= " + tokens.get(0),
          "SELECT * FROM " + ks + ".lim WHERE token(k) > " + tokens.get(2),
          "SELECT * FROM " + ks + ".lim WHERE token(k) > " + tokens.get(0) + " AND token(k) <= " + tokens.get(1))) {
        Answer expected = read(singleSession, cql, ConsistencyLevel.ONE, null);
        assertThat(expected.rows()).as(cql).hasSize(1);
        for (int coordinator = 0; coordinator < 3; coordinator++) {
          Answer answer = read(session, cql, ConsistencyLevel.ONE, node(coordinator));
          assertThat(answer.rows()).as("%s via node %d", cql, coordinator).isEqualTo(expected.rows());
          if (ks.equals("ks")) {
            assertThat(answer.warnings()).as("%s via node %d", cql, coordinator).isEqualTo(expected.warnings());
          }
        }
      }
    }
  }
}
