package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traced requests whose events were recorded from a 3-node Apache Cassandra 5.0.9 cluster
 * ({@link ClusterTracingRecorder}) into {@code tracing/cluster-events-5.0.9.txt}, which
 * {@link DriverClusterTracingTest} runs on a 3-node Ringlet cluster to compare: keyspace with
 * replication factor 3, every request sent to one node. The file holds, per scenario, each event's
 * source role ({@code C} coordinator, {@code R1}, {@code R2} the other replicas by address) and its text with addresses as
 * roles, message sizes and ballots {@link TracingScenarios#normalise}d.
 */
final class ClusterTracingScenarios {

  /** One event as {@code system_traces.events} holds it. */
  record Event(InetAddress source, String activity) {}

  /** One recorded event: its source's role and its normalised text. */
  record Recorded(String role, String activity) {}

  /** One scenario: statements run untraced first, then the traced request. */
  record Scenario(String name, List<String> setup, Statement<?> traced) {}

  static final String RESOURCE = "/tracing/cluster-events-5.0.9.txt";

  private ClusterTracingScenarios() {}

  static List<String> schema() {
    return List.of(
        "CREATE KEYSPACE trace_cl WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}",
        "CREATE TABLE trace_cl.lines (p int, c int, v text, PRIMARY KEY (p, c))");
  }

  static List<Scenario> all() {
    List<Scenario> s = new ArrayList<>();
    s.add(new Scenario("lwt_insert_applied", List.of(),
        quorum("INSERT INTO trace_cl.lines (p, c, v) VALUES (3, 1, 'x') IF NOT EXISTS")));
    s.add(new Scenario("lwt_insert_not_applied", List.of(),
        quorum("INSERT INTO trace_cl.lines (p, c, v) VALUES (3, 1, 'y') IF NOT EXISTS")));
    s.add(new Scenario("lwt_update_met", List.of(),
        quorum("UPDATE trace_cl.lines SET v = 'z' WHERE p = 3 AND c = 1 IF v = 'x'")));
    s.add(new Scenario("serial_read", List.of("INSERT INTO trace_cl.lines (p, c, v) VALUES (1, 1, 'a')"),
        SimpleStatement.newInstance("SELECT * FROM trace_cl.lines WHERE p = 1").setConsistencyLevel(DefaultConsistencyLevel.SERIAL)));
    s.add(new Scenario("lwt_delete_if_exists", List.of(),
        quorum("DELETE FROM trace_cl.lines WHERE p = 3 AND c = 1 IF EXISTS")));
    s.add(new Scenario("serial_read_local", List.of(),
        SimpleStatement.newInstance("SELECT * FROM trace_cl.lines WHERE p = 3").setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)));
    return s;
  }

  /** A conditional write committed at QUORUM, so that the coordinator waits for two replicas' commits. */
  private static SimpleStatement quorum(String cql) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(DefaultConsistencyLevel.QUORUM);
  }

  /** A session's events in the recorded file's form, {@code coordinator} the node the request went to. */
  static String format(String name, InetAddress coordinator, List<Event> events) {
    StringBuilder b = new StringBuilder("== ").append(name).append('\n');
    for (Event e : events) {
      b.append("event ").append(role(e.source(), coordinator, events)).append(' ')
          .append(normalise(e.activity(), coordinator)).append('\n');
    }
    return b.toString();
  }

  /** {@code C} for the coordinator, {@code R1}, {@code R2} for the other sources in the order of their addresses. */
  static String role(InetAddress source, InetAddress coordinator, List<Event> events) {
    if (source.equals(coordinator)) {
      return "C";
    }
    java.util.TreeSet<String> others = new java.util.TreeSet<>();
    for (Event e : events) {
      if (!e.source().equals(coordinator)) {
        others.add(e.source().getHostAddress());
      }
    }
    return "R" + (others.headSet(source.getHostAddress()).size() + 1);
  }

  /** An activity with the nodes' addresses as roles ({@code /C}, {@code /R}), and UUIDs, sizes and tokens fixed. */
  static String normalise(String activity, InetAddress coordinator) {
    String roles = activity.replace("/" + coordinator.getHostAddress() + ":", "/C:")
        .replaceAll("/[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:", "/R:")
        .replaceAll("/([CR]):[0-9]+", "/$1");
    return TracingScenarios.normalise(roles);
  }

  /** Reads the recorded file: scenario name to its events. */
  static Map<String, List<Recorded>> recorded() throws IOException {
    Map<String, List<Recorded>> result = new LinkedHashMap<>();
    try (InputStream in = ClusterTracingScenarios.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing " + RESOURCE);
      }
      List<Recorded> events = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("== ")) {
          events = new ArrayList<>();
          result.put(line.substring(3).trim(), events);
        } else if (line.startsWith("event ")) {
          int space = line.indexOf(' ', 6);
          events.add(new Recorded(line.substring(6, space), line.substring(space + 1)));
        } else if (events != null && !events.isEmpty() && !line.startsWith("#")) {
          Recorded last = events.remove(events.size() - 1);
          events.add(new Recorded(last.role(), last.activity() + "\n" + line));
        }
      }
    }
    return result;
  }
}
