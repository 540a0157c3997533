package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.TraceEvent;
import com.datastax.oss.driver.api.core.metadata.Node;
import com.datastax.oss.driver.api.core.metadata.NodeState;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import dev.ringlet.driver.wait.DriverNodeStates;
import dev.ringlet.internal.node.ProcessCluster;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Lightweight transactions across three nodes that share only TCP connections (each its own
 * {@link ProcessCluster}, as three processes would be, in one JVM for speed): conditional inserts,
 * updates, deletes and batches, SERIAL and LOCAL_SERIAL reads, each node coordinating in turn; a
 * traced one records every replica's Paxos events; with one node down they go on, with two down
 * they are Unavailable with 5.0's message for the serial level.
 */
class TcpLwtTest {

  private final TcpProcesses processes = new TcpProcesses("tcp-lwt");
  private List<ProcessCluster> nodes;

  @AfterEach
  void close() {
    processes.close();
  }

  @Test
  void should_run_lwts_over_tcp_and_refuse_them_as_unavailable_when_two_of_three_are_down() {
    // Given three nodes over TCP and a keyspace with three replicas
    nodes = processes.startThree();
    ProcessCluster first = nodes.get(0);
    try (CqlSession session = TcpProcesses.connect(first, 3)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.t (k int, c int, v text, PRIMARY KEY (k, c))");
      assertThat(session.checkSchemaAgreement()).isTrue();

      // When each node coordinates conditional writes and serial reads of its own partition
      for (int i = 0; i < 3; i++) {
        Node coordinator = driverNode(session, nodes.get(i));
        assertThat(lwt(session, coordinator, "INSERT INTO ks.t (k, c, v) VALUES (" + i + ", 1, 'a') IF NOT EXISTS").wasApplied())
            .isTrue();
        ResultSet again = lwt(session, coordinator, "INSERT INTO ks.t (k, c, v) VALUES (" + i + ", 1, 'b') IF NOT EXISTS");
        assertThat(again.wasApplied()).isFalse();
        Row existing = again.one();
        assertThat(existing.getString("v")).isEqualTo("a");
        assertThat(lwt(session, coordinator, "UPDATE ks.t SET v = 'b' WHERE k = " + i + " AND c = 1 IF v = 'a'").wasApplied())
            .isTrue();
        ResultSet notMet = lwt(session, coordinator, "UPDATE ks.t SET v = 'z' WHERE k = " + i + " AND c = 1 IF v = 'a'");
        assertThat(notMet.one().getString("v")).isEqualTo("b");
        assertThat(lwt(session, coordinator, "BEGIN BATCH INSERT INTO ks.t (k, c, v) VALUES (" + i + ", 2, 'x') IF NOT EXISTS; "
            + "UPDATE ks.t SET v = 'c' WHERE k = " + i + " AND c = 1 IF v = 'b'; APPLY BATCH").wasApplied()).isTrue();
        for (ConsistencyLevel serial : List.of(ConsistencyLevel.SERIAL, ConsistencyLevel.LOCAL_SERIAL)) {
          List<Row> rows = session.execute(SimpleStatement.newInstance("SELECT c, v FROM ks.t WHERE k = " + i)
              .setConsistencyLevel(serial).setNode(coordinator)).all();
          assertThat(rows).extracting(r -> r.getInt("c") + "=" + r.getString("v")).containsExactly("1=c", "2=x");
        }
        assertThat(lwt(session, coordinator, "DELETE FROM ks.t WHERE k = " + i + " AND c = 2 IF EXISTS").wasApplied()).isTrue();
      }

      // Then a traced one holds each replica's promise, acceptance and commit, sent back over TCP
      List<String> events = new ArrayList<>();
      for (TraceEvent e : session.execute(SimpleStatement.newInstance("UPDATE ks.t SET v = 'd' WHERE k = 0 AND c = 1 IF v = 'c'")
          .setNode(driverNode(session, first)).setTracing(true)).getExecutionInfo().getQueryTrace().getEvents()) {
        events.add(e.getActivity());
      }
      assertThat(events.stream().filter(a -> a.startsWith("Promising ballot "))).hasSize(3);
      assertThat(events.stream().filter(a -> a.startsWith("Accepting proposal "))).hasSize(3);
      assertThat(events.stream().filter(a -> a.startsWith("PAXOS_PREPARE_REQ message received from "))).hasSize(2);
      assertThat(events).contains("CAS applied successfully");

      // And with one node down, a quorum of participants remains
      down(session, nodes.get(2));
      assertThat(lwt(session, driverNode(session, first), "UPDATE ks.t SET v = 'e' WHERE k = 0 AND c = 1 IF v = 'd'").wasApplied())
          .isTrue();
      assertThat(session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 0 AND c = 1")
          .setConsistencyLevel(ConsistencyLevel.SERIAL)).one().getString(0)).isEqualTo("e");

      // And with two down, conditional writes and serial reads are Unavailable at the serial level, as 5.0's
      down(session, nodes.get(1));
      assertUnavailable(() -> lwt(session, driverNode(session, first), "UPDATE ks.t SET v = 'f' WHERE k = 0 AND c = 1 IF v = 'e'"));
      assertUnavailable(() -> session.execute(SimpleStatement.newInstance("SELECT v FROM ks.t WHERE k = 0 AND c = 1")
          .setConsistencyLevel(ConsistencyLevel.SERIAL).setNode(driverNode(session, first))));
    }
  }

  private static ResultSet lwt(CqlSession session, Node coordinator, String cql) {
    return session.execute(SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.QUORUM).setNode(coordinator));
  }

  /** Closes {@code node} and waits until the first node (the driver's control node) has seen it go. */
  private void down(CqlSession session, ProcessCluster node) {
    Node gone = driverNode(session, node);
    node.close();
    DriverNodeStates.await(session, gone.getHostId(), NodeState.DOWN);
  }

  /**
   * The driver tries the statement's node only (its retry policy finds no other): 5.0's Unavailable
   * for SERIAL, 2 required, 1 alive (the driver words the message from those).
   */
  private static void assertUnavailable(Runnable statement) {
    assertThatThrownBy(statement::run).isInstanceOfSatisfying(AllNodesFailedException.class,
        e -> assertThat(e.getAllErrors().values().iterator().next().get(0)).isInstanceOfSatisfying(UnavailableException.class, u -> {
          assertThat(u.getMessage()).isEqualTo("Not enough replicas available for query at consistency SERIAL (2 required but only 1 alive)");
          assertThat(u.getConsistencyLevel()).isEqualTo(ConsistencyLevel.SERIAL);
          assertThat(u.getRequired()).isEqualTo(2);
          assertThat(u.getAlive()).isEqualTo(1);
        }));
  }

  private static Node driverNode(CqlSession session, ProcessCluster node) {
    return session.getMetadata().findNode(node.contactPoints().get(0)).orElseThrow();
  }
}
