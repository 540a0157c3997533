package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlIdentifier;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.servererrors.ReadFailureException;
import com.datastax.oss.driver.api.core.type.codec.TypeCodecs;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tombstone thresholds in a 3-node cluster (warning 10, failure 100): each replica counts what its
 * read command scans (the slice, up to the row that fills the limit) and fails past the failure
 * threshold, so the coordinator answers READ_FAILURE naming the replicas with reason 1
 * (READ_TOO_MANY_TOMBSTONES) at v5, only their number at v4; the client gets the warning of the
 * coordinator's own replica, as 5.0 with its default {@code read_thresholds_enabled: false} (a
 * remote replica's warning stays in that replica's log).
 */
class ClusterTombstoneThresholdTest {

  private static RingletCluster cluster;
  private static CqlSession session;

  @BeforeAll
  static void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withTombstoneThresholds(10, 100));
    session = connect("V5");
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE KEYSPACE one WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
    for (String ks : List.of("ks", "one")) {
      session.execute("CREATE TABLE " + ks + ".t (k int, c int, s set<int>, v int, PRIMARY KEY (k, c))");
      session.execute("CREATE TABLE " + ks + ".keys (k int PRIMARY KEY)");
    }
    // k = 1: a live row at c = 0, 11 tombstone cells at c = 1 (past the warning), a live row at c = 2
    // k = 2: a live row at c = 0, 101 tombstone cells at c = 1 (past the failure threshold)
    for (String ks : List.of("ks", "one")) {
      session.execute(all("INSERT INTO " + ks + ".t (k, c, v) VALUES (1, 0, 0)"));
      tombstones(ks, 1, 11);
      session.execute(all("INSERT INTO " + ks + ".t (k, c, v) VALUES (1, 2, 2)"));
      session.execute(all("INSERT INTO " + ks + ".t (k, c, v) VALUES (2, 0, 0)"));
      tombstones(ks, 2, 101);
    }
  }

  @AfterAll
  static void stop() {
    session.close();
    cluster.close();
  }

  private static CqlSession connect(String protocolVersion) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withString(DefaultDriverOption.PROTOCOL_VERSION, protocolVersion)
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withBoolean(DefaultDriverOption.REQUEST_LOG_WARNINGS, false)
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  private static SimpleStatement all(String cql) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.ALL);
  }

  /** Removes elements {@code 1..n} of a set at c = 1: one tombstone cell each, on every replica. */
  private static void tombstones(String ks, int k, int n) {
    Set<Integer> elements = new HashSet<>();
    for (int i = 1; i <= n; i++) {
      elements.add(i);
    }
    session.execute(SimpleStatement.newInstance("UPDATE " + ks + ".t SET s = s - ? WHERE k = ? AND c = 1", elements, k)
        .setConsistencyLevel(ConsistencyLevel.ALL));
  }

  private static long tokenOf(int k) {
    session.execute(all("INSERT INTO ks.keys (k) VALUES (" + k + ")"));
    return session.execute("SELECT token(k) FROM ks.keys WHERE k = " + k).one().getLong(0);
  }

  private static List<String> warnings(String cql, ConsistencyLevel level, Node coordinator) {
    ResultSet rs = session.execute(SimpleStatement.newInstance(cql).setConsistencyLevel(level).setNode(coordinator));
    rs.all();
    return rs.getExecutionInfo().getWarnings();
  }

  private static ReadFailureException readFailure(CqlSession on, String cql, ConsistencyLevel level, Node coordinator) {
    try {
      on.execute(SimpleStatement.newInstance(cql).setConsistencyLevel(level).setNode(coordinator));
    } catch (ReadFailureException e) {
      return e;
    }
    throw new AssertionError("expected a ReadFailureException for " + cql + " at " + level);
  }

  private static Node node(CqlSession on, int index) {
    java.util.UUID hostId = cluster.nodes().get(index).hostId();
    return on.getMetadata().getNodes().values().stream().filter(n -> hostId.equals(n.getHostId())).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(value = DefaultConsistencyLevel.class, names = {"ONE", "QUORUM", "ALL"})
  void should_warn_with_the_coordinators_own_replicas_count(DefaultConsistencyLevel level) {
    long token = tokenOf(1);
    for (int coordinator = 0; coordinator < 3; coordinator++) {
      assertThat(warnings("SELECT * FROM ks.t WHERE k = 1", level, node(session, coordinator)))
          .as("coordinator %d", coordinator)
          .containsExactly("Read 2 live rows and 11 tombstone cells for query SELECT * FROM ks.t WHERE k = 1"
              + " LIMIT 5000 ALLOW FILTERING; token " + token + " (see tombstone_warn_threshold)");
    }
  }

  @ParameterizedTest
  @EnumSource(value = DefaultConsistencyLevel.class, names = {"ONE", "QUORUM"})
  void should_stay_silent_when_the_read_avoids_the_tombstones(DefaultConsistencyLevel level) {
    Node coordinator = node(session, 1);
    // a slice past them, a LIMIT met before them, another row: nothing scanned past the threshold
    assertThat(warnings("SELECT * FROM ks.t WHERE k = 1 AND c >= 2", level, coordinator)).isEmpty();
    assertThat(warnings("SELECT * FROM ks.t WHERE k = 1 LIMIT 1", level, coordinator)).isEmpty();
    assertThat(warnings("SELECT * FROM ks.t WHERE k = 1 AND c = 2", level, coordinator)).isEmpty();
    assertThat(warnings("SELECT * FROM ks.t WHERE k = 1 AND c IN (0, 2)", level, coordinator)).isEmpty();
    // the same holds for the failure threshold on every replica: these reads of k = 2 succeed
    assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 2 LIMIT 1").setConsistencyLevel(level))
        .one().getInt("v")).isZero();
    assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 2 AND c = 0")
        .setConsistencyLevel(level)).one().getInt("v")).isZero();
    assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 2 AND c > 1")
        .setConsistencyLevel(level)).all()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"V4", "V5"})
  void should_answer_read_failure_naming_the_replicas_that_gave_up(String protocolVersion) {
    try (CqlSession on = connect(protocolVersion)) {
      Node coordinator = node(on, 0);
      InetAddress coordinatorAddress = cluster.nodes().get(0).nativeAddress().getAddress();

      ReadFailureException one = readFailure(on, "SELECT * FROM ks.t WHERE k = 2", ConsistencyLevel.ONE, coordinator);
      assertThat(one.getConsistencyLevel()).isEqualTo(ConsistencyLevel.ONE);
      assertThat(one.getReceived()).isZero();
      assertThat(one.getBlockFor()).isEqualTo(1);
      assertThat(one.getNumFailures()).isEqualTo(1);
      assertThat(one.wasDataPresent()).isFalse();
      assertThat(one.getReasonMap()).isEqualTo(protocolVersion.equals("V5") ? Map.of(coordinatorAddress, 1) : Map.of());

      // QUORUM gives up once too few replicas are left for the level: one or both contacted ones failed
      ReadFailureException quorum = readFailure(on, "SELECT * FROM ks.t WHERE k = 2", ConsistencyLevel.QUORUM, coordinator);
      assertThat(quorum.getConsistencyLevel()).isEqualTo(ConsistencyLevel.QUORUM);
      assertThat(quorum.getBlockFor()).isEqualTo(2);
      assertThat(quorum.getReceived()).isZero();
      assertThat(quorum.getNumFailures()).isBetween(1, 2);
      if (protocolVersion.equals("V5")) {
        assertThat(quorum.getReasonMap()).hasSize(quorum.getNumFailures()).containsEntry(coordinatorAddress, 1);
        assertThat(quorum.getReasonMap().values()).containsOnly(1);
      } else {
        assertThat(quorum.getReasonMap()).isEmpty();
      }
      // the other partitions stay readable on the same connection
      assertThat(on.execute(SimpleStatement.newInstance("SELECT * FROM ks.t WHERE k = 1").setConsistencyLevel(ConsistencyLevel.QUORUM)
          .setNode(coordinator)).all()).hasSize(2);
    }
  }

  @Test
  void should_warn_only_when_the_coordinator_is_a_replica_it_read() {
    // RF 1: one replica holds k = 1; the others coordinate without reading locally
    java.nio.ByteBuffer key = TypeCodecs.INT.encode(1, session.getContext().getProtocolVersion());
    Set<Node> replicas = session.getMetadata().getTokenMap().orElseThrow()
        .getReplicas(CqlIdentifier.fromCql("one"), key);
    assertThat(replicas).hasSize(1);
    Node replica = replicas.iterator().next();
    long token = tokenOf(1);
    for (int i = 0; i < 3; i++) {
      Node coordinator = node(session, i);
      List<String> warnings = warnings("SELECT * FROM one.t WHERE k = 1", ConsistencyLevel.ONE, coordinator);
      if (coordinator.equals(replica)) {
        assertThat(warnings).containsExactly("Read 2 live rows and 11 tombstone cells for query SELECT * FROM one.t"
            + " WHERE k = 1 LIMIT 5000 ALLOW FILTERING; token " + token + " (see tombstone_warn_threshold)");
      } else {
        assertThat(warnings).as("coordinated by a node that is not the replica").isEmpty();
      }
    }
    // a remote replica that gives up is named in the reason map
    java.nio.ByteBuffer failing = TypeCodecs.INT.encode(2, session.getContext().getProtocolVersion());
    Node failingReplica = session.getMetadata().getTokenMap().orElseThrow().getReplicas(CqlIdentifier.fromCql("one"), failing)
        .iterator().next();
    Node other = session.getMetadata().getNodes().values().stream().filter(n -> !n.equals(failingReplica)).findFirst()
        .orElseThrow();
    ReadFailureException failure = readFailure(session, "SELECT * FROM one.t WHERE k = 2", ConsistencyLevel.ONE, other);
    InetAddress failingAddress = cluster.nodes().stream().filter(n -> n.hostId().equals(failingReplica.getHostId())).findFirst()
        .orElseThrow().nativeAddress().getAddress();
    assertThat(failure.getReasonMap()).isEqualTo(Map.of(failingAddress, 1));
  }

  @Test
  void should_warn_for_a_scan_with_the_own_replicas_count_and_fail_on_too_many() {
    session.execute("CREATE TABLE IF NOT EXISTS ks.scan (k int, c int, v int, PRIMARY KEY (k, c))");
    session.execute(all("INSERT INTO ks.scan (k, c, v) VALUES (1, 0, 0)"));
    for (int c = 1; c <= 11; c++) {
      session.execute(all("DELETE FROM ks.scan WHERE k = 1 AND c = " + c));
    }
    session.execute(all("INSERT INTO ks.scan (k, c, v) VALUES (1, 20, 20)"));
    // every node holds every partition at RF 3: the coordinator's own replica reads the whole scan
    for (int coordinator = 0; coordinator < 3; coordinator++) {
      assertThat(warnings("SELECT * FROM ks.scan", ConsistencyLevel.ONE, node(session, coordinator)))
          .singleElement().asString()
          .startsWith("Read 2 live rows and 11 tombstone cells for query SELECT * FROM ks.scan")
          .endsWith(" (see tombstone_warn_threshold)");
      // the clustering slice of a scan is what its replicas count
      assertThat(warnings("SELECT * FROM ks.scan WHERE c >= 20 ALLOW FILTERING", ConsistencyLevel.ONE,
          node(session, coordinator))).isEmpty();
    }
    // a scan that reaches k = 2 of ks.t fails on the replicas that read it
    ReadFailureException failure = readFailure(session, "SELECT * FROM ks.t", ConsistencyLevel.QUORUM, node(session, 2));
    assertThat(failure.getReasonMap().values()).containsOnly(1);
  }

  @Test
  void should_count_a_paged_scan_only_from_where_its_page_resumes() {
    session.execute("CREATE TABLE IF NOT EXISTS ks.p (k int, c int, v int, PRIMARY KEY (k, c))");
    session.execute(all("INSERT INTO ks.p (k, c, v) VALUES (1, 10, 10)"));
    for (int c = 11; c <= 16; c++) {
      session.execute(all("DELETE FROM ks.p WHERE k = 1 AND c = " + c));
    }
    session.execute(all("INSERT INTO ks.p (k, c, v) VALUES (1, 30, 30)"));
    for (int c = 31; c <= 41; c++) {
      session.execute(all("DELETE FROM ks.p WHERE k = 1 AND c = " + c));
    }
    session.execute(all("INSERT INTO ks.p (k, c, v) VALUES (1, 50, 50)"));
    for (int coordinator = 0; coordinator < 3; coordinator++) {
      ResultSet rs = session.execute(SimpleStatement.newInstance("SELECT * FROM ks.p").setPageSize(2)
          .setConsistencyLevel(ConsistencyLevel.QUORUM).setNode(node(session, coordinator)));
      assertThat(rs.all()).extracting(r -> r.getInt("c")).containsExactly(10, 30, 50);
      List<String> warnings = new java.util.ArrayList<>();
      rs.getExecutionInfos().forEach(info -> warnings.addAll(info.getWarnings()));
      // page 1 read 6 tombstones (no warning); page 2 only the 11 after c = 30, not the 6 before
      assertThat(warnings).as("coordinator %d", coordinator).singleElement().asString()
          .startsWith("Read 1 live rows and 11 tombstone cells for query SELECT * FROM ks.p")
          .endsWith(" (see tombstone_warn_threshold)");
    }
  }

  @Test
  void should_count_a_scan_on_the_replicas_only_up_to_its_page_or_limit() {
    // four partitions, each a live row at c = 0 then 40 deleted rows: 160 tombstones in the table
    session.execute("CREATE TABLE IF NOT EXISTS ks.lim (k int, c int, v int, PRIMARY KEY (k, c))");
    for (int k = 1; k <= 4; k++) {
      session.execute(all("INSERT INTO ks.lim (k, c, v) VALUES (" + k + ", 0, 0)"));
      StringBuilder batch = new StringBuilder("BEGIN UNLOGGED BATCH ");
      for (int c = 1; c <= 40; c++) {
        batch.append("DELETE FROM ks.lim WHERE k = ").append(k).append(" AND c = ").append(c).append("; ");
      }
      session.execute(all(batch.append("APPLY BATCH").toString()));
    }
    // the whole scan reads them all and fails on the replicas
    ReadFailureException failure = readFailure(session, "SELECT * FROM ks.lim", ConsistencyLevel.QUORUM, node(session, 0));
    assertThat(failure.getReasonMap().values()).containsOnly(1);
    // a LIMIT met at the first row scans nothing else, and a scan one row a page scans at most 40 a page
    for (int coordinator = 0; coordinator < 3; coordinator++) {
      assertThat(session.execute(SimpleStatement.newInstance("SELECT * FROM ks.lim LIMIT 1")
          .setConsistencyLevel(ConsistencyLevel.QUORUM).setNode(node(session, coordinator))).all()).hasSize(1);
      assertThat(session.execute(SimpleStatement.newInstance("SELECT * FROM ks.lim").setPageSize(1)
          .setConsistencyLevel(ConsistencyLevel.QUORUM).setNode(node(session, coordinator))).all()).hasSize(4);
      assertThat(session.execute(SimpleStatement.newInstance("SELECT * FROM ks.lim PER PARTITION LIMIT 1").setPageSize(2)
          .setConsistencyLevel(ConsistencyLevel.QUORUM).setNode(node(session, coordinator))).all()).hasSize(4);
    }
  }
}
