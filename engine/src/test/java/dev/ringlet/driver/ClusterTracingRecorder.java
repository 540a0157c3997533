package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import com.datastax.oss.driver.api.core.metadata.Node;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records {@link ClusterTracingScenarios} from a real Cassandra 5.0.9 cluster of three nodes
 * ({@code tools/reference-cluster.sh start --nodes 3}) into
 * {@code engine/src/test/resources/tracing/cluster-events-5.0.9.txt}; run by hand, not by the build:
 *
 * <pre>{@code java -cp <engine test classpath> dev.ringlet.driver.ClusterTracingRecorder 127.0.0.1:9192 <file>}</pre>
 *
 * <p>Every traced request goes to the first node, the coordinator. Each event is written with its
 * source's role ({@code C}: the coordinator, {@code R}: another node) and the nodes' addresses in
 * its text replaced by those roles, as {@link ClusterTracingScenarios#format} does.
 */
public final class ClusterTracingRecorder {

  private ClusterTracingRecorder() {}

  public static void main(String[] args) throws Exception {
    String[] hostPort = args[0].split(":");
    InetSocketAddress contact = new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    StringBuilder out = new StringBuilder(
        "# Recorded by ClusterTracingRecorder from an Apache Cassandra 5.0.9 cluster of 3 nodes; do not edit.\n");
    try (CqlSession session = CqlSession.builder().addContactPoint(contact).withLocalDatacenter("datacenter1").build()) {
      Node coordinator = session.getMetadata().getNodes().values().stream()
          .filter(n -> n.getBroadcastRpcAddress().orElseThrow().equals(contact)).findFirst().orElseThrow();
      // A first, unrecorded pass warms 5.0's system caches (its first read from a replica traces a
      // read of system.peers_v2); the second pass, on a new keyspace, is recorded.
      createSchema(session);
      List<ClusterTracingScenarios.Scenario> warmUp = new ArrayList<>(ClusterTracingScenarios.all());
      warmUp.addAll(ClusterTracingScenarios.ranges());
      for (ClusterTracingScenarios.Scenario s : warmUp) {
        for (String setup : s.setup()) {
          session.execute(SimpleStatement.newInstance(setup).setNode(coordinator)
              .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL));
        }
        session.execute(s.traced().setNode(coordinator));
      }
      createSchema(session);
      List<InetAddress> nodes = new ArrayList<>();
      for (Node n : session.getMetadata().getNodes().values()) {
        nodes.add(n.getBroadcastRpcAddress().orElseThrow().getAddress());
      }
      out.append(tokens(session, contact.getAddress(), nodes));
      List<ClusterTracingScenarios.Scenario> scenarios = new ArrayList<>(ClusterTracingScenarios.all());
      scenarios.addAll(ClusterTracingScenarios.ranges());
      for (ClusterTracingScenarios.Scenario s : scenarios) {
        for (String setup : s.setup()) {
          session.execute(SimpleStatement.newInstance(setup).setNode(coordinator)
              .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL));
        }
        Statement<?> traced = s.traced().setNode(coordinator).setTracing(true);
        UUID id = session.execute(traced).getExecutionInfo().getTracingId();
        List<ClusterTracingScenarios.Event> events = settled(session, id);
        out.append(ClusterTracingScenarios.format(s.name(), contact.getAddress(), nodes, events));
      }
    }
    Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.UTF_8);
  }

  /** "# tokens ROLE t1,t2,..." for every node, by its role. */
  private static String tokens(CqlSession session, InetAddress coordinator, List<InetAddress> nodes) {
    StringBuilder b = new StringBuilder();
    for (Node n : session.getMetadata().getNodes().values()) {
      Row local = session.execute(SimpleStatement.newInstance("SELECT tokens FROM system.local").setNode(n)).one();
      InetAddress address = n.getBroadcastRpcAddress().orElseThrow().getAddress();
      b.append("# tokens ").append(ClusterTracingScenarios.role(address, coordinator, nodes)).append(' ')
          .append(String.join(",", local.getSet("tokens", String.class))).append('\n');
    }
    return b.toString();
  }

  /** The keyspaces, new, once every node knows their tables. */
  static void createSchema(CqlSession session) throws InterruptedException {
    List<String> ddl = new ArrayList<>(ClusterTracingScenarios.schema());
    ddl.addAll(ClusterTracingScenarios.rangeSchema());
    for (String keyspace : List.of("trace_cl", "trace_rf1", "trace_rf2")) {
      session.execute("DROP KEYSPACE IF EXISTS " + keyspace);
    }
    for (String statement : ddl) {
      session.execute(statement);
    }
    // every node, and each as a replica, must know the tables before the first request (a busy reference lags)
    for (Node node : session.getMetadata().getNodes().values()) {
      for (String probe : List.of("SELECT * FROM trace_cl.lines WHERE p = 0", "SELECT * FROM trace_rf1.t WHERE p = 0",
          "SELECT * FROM trace_rf2.t WHERE p = 0")) {
        while (true) {
          try {
            session.execute(SimpleStatement.newInstance(probe).setNode(node)
                .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL));
            break;
          } catch (com.datastax.oss.driver.api.core.DriverException e) {
            Thread.sleep(500);
          }
        }
      }
    }
  }

  /** The session's events once it is complete and no further event arrived for a second (5.0 writes them in the background). */
  static List<ClusterTracingScenarios.Event> settled(CqlSession session, UUID id) throws InterruptedException {
    return settled(session, id, null);
  }

  /** As above, read through {@code node} (null: any), for a cluster with a paused node. */
  static List<ClusterTracingScenarios.Event> settled(CqlSession session, UUID id, Node node) throws InterruptedException {
    List<ClusterTracingScenarios.Event> last = List.of();
    while (true) {
      Thread.sleep(1000);
      Row s = session.execute(SimpleStatement.newInstance("SELECT duration FROM system_traces.sessions WHERE session_id = ?", id)
          .setNode(node)).one();
      List<ClusterTracingScenarios.Event> now = new ArrayList<>();
      for (Row r : session.execute(SimpleStatement.newInstance("SELECT activity, source FROM system_traces.events WHERE session_id = ?",
          id).setNode(node))) {
        InetAddress source = r.getInetAddress("source");
        now.add(new ClusterTracingScenarios.Event(source, r.getString("activity")));
      }
      if (s != null && !s.isNull("duration") && now.equals(last)) {
        return now;
      }
      last = now;
    }
  }
}
