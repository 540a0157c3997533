package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringlet.api.ClusterSpec;
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
 * Coordinated reads of a clustering slice (three nodes, RF 3, manual clock): replicas answer only
 * the rows between the slice's bounds (with the partition's deletions), so the coordinator
 * reconciles and read-repairs exactly what the query read, as Cassandra does. Rows outside the
 * slice stay as they were on a stale replica.
 */
class ClusterSliceReadTest {

  private RingletCluster cluster;
  private CqlSession session;

  @BeforeEach
  void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
    session = ManualClockSessions.connect(cluster, ManualClockSessions.options(Duration.ofSeconds(10)));
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE TABLE ks.t (k int, c int, v text, s text STATIC, PRIMARY KEY (k, c))");
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void should_repair_only_the_rows_a_slice_read_read() {
    // Given rows 1..6 and a static cell written while one replica was cut off
    RingletNode stale = cluster.node(1);
    cluster.isolate(stale);
    for (int c = 1; c <= 6; c++) {
      write(cluster.node(0), "INSERT INTO ks.t (k, c, v) VALUES (1, " + c + ", 'v" + c + "')");
    }
    write(cluster.node(0), "UPDATE ks.t SET s = 'static' WHERE k = 1");
    cluster.heal();

    // When: a slice read at ALL coordinated by the stale replica (digests disagree)
    List<Integer> read = cs(session.execute(at("SELECT c, v, s FROM ks.t WHERE k = 1 AND c >= 2 AND c <= 3", ConsistencyLevel.ALL)
        .setNode(driverNode(stale))).all());

    // Then: the slice is answered, and the stale replica now has its rows and the static cell, no others
    assertThat(read).containsExactly(2, 3);
    cluster.isolate(stale);
    List<Row> own = session.execute(at("SELECT c, s FROM ks.t WHERE k = 1", ConsistencyLevel.ONE).setNode(driverNode(stale))).all();
    assertThat(cs(own)).containsExactly(2, 3);
    assertThat(own.get(0).getString("s")).isEqualTo("static");
  }

  @Test
  void should_hide_rows_deleted_on_one_replica_in_a_reversed_limited_slice() {
    // Given rows 1..8 everywhere, then a row and a range deleted while one replica was cut off
    for (int c = 1; c <= 8; c++) {
      write(cluster.node(0), "INSERT INTO ks.t (k, c, v) VALUES (2, " + c + ", 'v" + c + "')");
    }
    RingletNode stale = cluster.node(2);
    cluster.isolate(stale);
    write(cluster.node(0), "DELETE FROM ks.t WHERE k = 2 AND c = 6");
    write(cluster.node(0), "DELETE FROM ks.t WHERE k = 2 AND c >= 3 AND c <= 4");
    cluster.heal();

    // When: the stale replica coordinates slices at ALL, backwards with a limit and forwards
    List<Integer> reversed = cs(session.execute(at("SELECT c FROM ks.t WHERE k = 2 AND c >= 2 AND c < 8 ORDER BY c DESC LIMIT 3",
        ConsistencyLevel.ALL).setNode(driverNode(stale))).all());
    List<Integer> forward = cs(session.execute(at("SELECT c FROM ks.t WHERE k = 2 AND c > 1", ConsistencyLevel.ALL)
        .setNode(driverNode(stale))).all());

    // Then: the deletions win, and the stale replica learnt them
    assertThat(reversed).containsExactly(7, 5, 2);
    assertThat(forward).containsExactly(2, 5, 7, 8);
    cluster.isolate(stale);
    assertThat(cs(session.execute(at("SELECT c FROM ks.t WHERE k = 2", ConsistencyLevel.ONE).setNode(driverNode(stale))).all()))
        .containsExactly(1, 2, 5, 7, 8);
  }

  @Test
  void should_page_through_a_slice_at_quorum() {
    // Given 9 rows, one replica missing the last three
    for (int c = 1; c <= 6; c++) {
      write(cluster.node(1), "INSERT INTO ks.t (k, c, v) VALUES (3, " + c + ", 'v" + c + "')");
    }
    RingletNode stale = cluster.node(0);
    cluster.isolate(stale);
    for (int c = 7; c <= 9; c++) {
      write(cluster.node(1), "INSERT INTO ks.t (k, c, v) VALUES (3, " + c + ", 'v" + c + "')");
    }
    cluster.heal();

    // When: the slice c >= 2 is read at ALL in pages of 2 rows through the stale replica
    SimpleStatement paged = at("SELECT c FROM ks.t WHERE k = 3 AND c >= 2", ConsistencyLevel.ALL).setPageSize(2)
        .setNode(driverNode(stale));
    List<Integer> all = new ArrayList<>();
    session.execute(paged).forEach(r -> all.add(r.getInt("c")));

    // Then: every row once, in order
    assertThat(all).containsExactly(2, 3, 4, 5, 6, 7, 8, 9);
  }

  /** A write at ONE coordinated by {@code via}. */
  private void write(RingletNode via, String cql) {
    session.execute(at(cql, ConsistencyLevel.ONE).setNode(driverNode(via)));
  }

  private static List<Integer> cs(List<Row> rows) {
    List<Integer> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.getInt("c"));
    }
    return out;
  }

  private static SimpleStatement at(String cql, ConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  private Node driverNode(RingletNode n) {
    return session.getMetadata().getNodes().get(n.hostId());
  }
}
