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

  /**
   * The scenarios' keyspace. Its table speculates no read retry: 5.0 sends one (traced as
   * "speculating read retry on ...") when a read is slower than the table's 99th percentile, which
   * on a reference cluster happens at random; Ringlet never speculates.
   */
  static List<String> schema() {
    return List.of(
        "CREATE KEYSPACE trace_cl WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}",
        "CREATE TABLE trace_cl.lines (p int, c int, v text, PRIMARY KEY (p, c)) WITH speculative_retry = 'NONE'");
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

  /**
   * Range scans over keyspaces whose ranges have different replica sets (replication factors 1 and
   * 2 on three nodes), recorded with the nodes' tokens so that a Ringlet cluster has the same ring.
   */
  static List<String> rangeSchema() {
    return List.of(
        "CREATE KEYSPACE trace_rf1 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
        "CREATE TABLE trace_rf1.t (p int PRIMARY KEY, v int)",
        "CREATE KEYSPACE trace_rf2 WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}",
        "CREATE TABLE trace_rf2.t (p int PRIMARY KEY, v int)");
  }

  static List<Scenario> ranges() {
    List<String> rows = new ArrayList<>();
    for (int p = 0; p < 12; p++) {
      rows.add("INSERT INTO trace_rf1.t (p, v) VALUES (" + p + ", " + p + ")");
      rows.add("INSERT INTO trace_rf2.t (p, v) VALUES (" + p + ", " + p + ")");
    }
    List<Scenario> s = new ArrayList<>();
    s.add(new Scenario("range_rf1", rows, at("SELECT * FROM trace_rf1.t", DefaultConsistencyLevel.ONE)));
    s.add(new Scenario("range_rf1_limit", List.of(), at("SELECT * FROM trace_rf1.t LIMIT 3", DefaultConsistencyLevel.ONE)));
    s.add(new Scenario("range_rf2", List.of(), at("SELECT * FROM trace_rf2.t", DefaultConsistencyLevel.ONE)));
    s.add(new Scenario("range_rf2_quorum", List.of(), at("SELECT * FROM trace_rf2.t", DefaultConsistencyLevel.QUORUM)));
    return s;
  }

  private static SimpleStatement at(String cql, DefaultConsistencyLevel level) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(level);
  }

  /** A conditional write committed at QUORUM, so that the coordinator waits for two replicas' commits. */
  private static SimpleStatement quorum(String cql) {
    return SimpleStatement.newInstance(cql).setConsistencyLevel(DefaultConsistencyLevel.QUORUM);
  }

  /**
   * A session's events in the recorded file's form, {@code coordinator} the node the request went
   * to, {@code nodes} every node of the cluster.
   */
  static String format(String name, InetAddress coordinator, List<InetAddress> nodes, List<Event> events) {
    StringBuilder b = new StringBuilder("== ").append(name).append('\n');
    for (Event e : events) {
      b.append("event ").append(role(e.source(), coordinator, nodes)).append(' ')
          .append(normalise(e.activity(), coordinator)).append('\n');
    }
    return b.toString();
  }

  /**
   * {@code C} for the coordinator, {@code R1}, {@code R2} for the cluster's other nodes in the order
   * of their addresses (node 2 and node 3 of both clusters).
   */
  static String role(InetAddress source, InetAddress coordinator, List<InetAddress> nodes) {
    if (source.equals(coordinator)) {
      return "C";
    }
    java.util.TreeSet<String> others = new java.util.TreeSet<>(java.util.Comparator.comparing(ClusterTracingScenarios::sortKey));
    for (InetAddress n : nodes) {
      if (!n.equals(coordinator)) {
        others.add(n.getHostAddress());
      }
    }
    return "R" + (others.headSet(source.getHostAddress()).size() + 1);
  }

  /** An IPv4 address as a number, for ordering 127.0.0.10 after 127.0.0.9. */
  private static long sortKey(String address) {
    long key = 0;
    for (String part : address.split("\\.")) {
      key = key * 256 + Long.parseLong(part);
    }
    return key;
  }

  /** An activity with the nodes' addresses as roles ({@code /C}, {@code /R}), and UUIDs, sizes and tokens fixed. */
  static String normalise(String activity, InetAddress coordinator) {
    String roles = activity.replace("/" + coordinator.getHostAddress() + ":", "/C:")
        .replaceAll("/[0-9]+\\.[0-9]+\\.[0-9]+\\.[0-9]+:", "/R:")
        .replaceAll("/([CR]):[0-9]+", "/$1");
    return normaliseIds(TracingScenarios.normalise(roles));
  }

  /** A message id (5.0's "Callback already removed for 6021 (from /R)") as {@code <id>}. */
  private static String normaliseIds(String activity) {
    return activity.replaceFirst("^Callback already removed for [0-9]+ ", "Callback already removed for <id> ");
  }

  /** The recorded file's "# tokens ROLE t1,t2,..." lines: each node's tokens by role. */
  static Map<String, List<Long>> recordedTokens() throws IOException {
    Map<String, List<Long>> tokens = new LinkedHashMap<>();
    for (String line : resource().split("\n")) {
      if (line.startsWith("# tokens ")) {
        String[] parts = line.substring(9).trim().split(" ");
        List<Long> list = new ArrayList<>();
        for (String t : parts[1].split(",")) {
          list.add(Long.parseLong(t));
        }
        java.util.Collections.sort(list);
        tokens.put(parts[0], list);
      }
    }
    return tokens;
  }

  private static String resource() throws IOException {
    try (InputStream in = ClusterTracingScenarios.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** Reads the recorded file: scenario name to its events. */
  static Map<String, List<Recorded>> recorded() throws IOException {
    return parse(resource());
  }

  /** Scenario name to its events, from a recorded file's text. */
  static Map<String, List<Recorded>> parse(String text) {
    Map<String, List<Recorded>> result = new LinkedHashMap<>();
    List<Recorded> events = null;
    for (String line : text.split("\n")) {
      if (line.startsWith("== ")) {
        events = new ArrayList<>();
        result.put(line.substring(3).trim(), events);
      } else if (line.startsWith("event ")) {
        int space = line.indexOf(' ', 6);
        events.add(new Recorded(line.substring(6, space), normaliseIds(line.substring(space + 1))));
      } else if (events != null && !events.isEmpty() && !line.startsWith("#")) {
        Recorded last = events.remove(events.size() - 1);
        events.add(new Recorded(last.role(), last.activity() + "\n" + line));
      }
    }
    return result;
  }
}
