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
      for (ClusterTracingScenarios.Scenario s : ClusterTracingScenarios.all()) {
        for (String setup : s.setup()) {
          session.execute(setup);
        }
        session.execute(s.traced().setNode(coordinator));
      }
      createSchema(session);
      for (ClusterTracingScenarios.Scenario s : ClusterTracingScenarios.all()) {
        for (String setup : s.setup()) {
          session.execute(setup);
        }
        Statement<?> traced = s.traced().setNode(coordinator).setTracing(true);
        UUID id = session.execute(traced).getExecutionInfo().getTracingId();
        List<ClusterTracingScenarios.Event> events = settled(session, id);
        out.append(ClusterTracingScenarios.format(s.name(), contact.getAddress(), events));
      }
    }
    Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.UTF_8);
  }

  /** The keyspace, new, once every node knows its table. */
  private static void createSchema(CqlSession session) throws InterruptedException {
    session.execute("DROP KEYSPACE IF EXISTS trace_cl");
    for (String ddl : ClusterTracingScenarios.schema()) {
      session.execute(ddl);
    }
    // every node, and each as a replica, must know the table before the first request (a busy reference lags)
    for (Node node : session.getMetadata().getNodes().values()) {
      while (true) {
        try {
          session.execute(SimpleStatement.newInstance("SELECT * FROM trace_cl.lines WHERE p = 0").setNode(node)
              .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL));
          break;
        } catch (com.datastax.oss.driver.api.core.DriverException e) {
          Thread.sleep(500);
        }
      }
    }
  }

  /** The session's events once it is complete and no further event arrived for a second (5.0 writes them in the background). */
  private static List<ClusterTracingScenarios.Event> settled(CqlSession session, UUID id) throws InterruptedException {
    List<ClusterTracingScenarios.Event> last = List.of();
    while (true) {
      Thread.sleep(1000);
      Row s = session.execute("SELECT duration FROM system_traces.sessions WHERE session_id = ?", id).one();
      List<ClusterTracingScenarios.Event> now = new ArrayList<>();
      for (Row r : session.execute("SELECT activity, source FROM system_traces.events WHERE session_id = ?", id)) {
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
