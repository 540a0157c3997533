package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.DefaultConsistencyLevel;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The traced requests whose events were recorded from Apache Cassandra 5.0.9 on one node
 * ({@link TracingRecorder}) into {@code tracing/events-5.0.9.txt}, and which
 * {@link DriverTracingTest} runs on Ringlet to compare: each scenario's untraced set-up, then one
 * traced request. The recorded file holds, per scenario, the session's parameters and each event's
 * activity in the order of {@code system_traces.events} (by event id).
 */
final class TracingScenarios {

  /** The recorded events of one scenario, as {@link #normalise}d text lines. */
  record Recorded(Map<String, String> parameters, List<String> activities) {}

  /** One scenario: statements run untraced first, then the traced request (its consistency level, serial or not). */
  record Scenario(String name, List<String> setup, Function<CqlSession, Statement<?>> traced) {}

  static final String RESOURCE = "/tracing/events-5.0.9.txt";

  private TracingScenarios() {}

  static List<String> schema() {
    return List.of(
        "CREATE KEYSPACE trace_rec WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}",
        "CREATE TABLE trace_rec.lines (p int, c int, v text, PRIMARY KEY (p, c))",
        "CREATE TABLE trace_rec.counts (id int PRIMARY KEY, n counter)",
        "CREATE TABLE trace_rec.wide (p int, c int, s int static, a int, b text, tags set<text>, PRIMARY KEY (p, c))",
        "CREATE TABLE trace_rec.kv (k text PRIMARY KEY, v int)");
  }

  static List<Scenario> all() {
    List<Scenario> s = new ArrayList<>();
    s.add(new Scenario("range_scan", List.of(
        "INSERT INTO trace_rec.lines (p, c, v) VALUES (1, 1, 'a')",
        "INSERT INTO trace_rec.lines (p, c, v) VALUES (1, 2, 'b')",
        "INSERT INTO trace_rec.lines (p, c, v) VALUES (2, 1, 'c')",
        "DELETE FROM trace_rec.lines WHERE p = 2 AND c = 1"),
        session -> simple("SELECT * FROM trace_rec.lines")));
    s.add(new Scenario("range_scan_limit", List.of(),
        session -> simple("SELECT * FROM trace_rec.lines LIMIT 1")));
    s.add(new Scenario("names_query", List.of(),
        session -> simple("SELECT * FROM trace_rec.lines WHERE p = 1 AND c = 2")));
    s.add(new Scenario("names_query_absent", List.of(),
        session -> simple("SELECT v FROM trace_rec.lines WHERE p = 7 AND c = 7")));
    s.add(new Scenario("lwt_insert_applied", List.of(),
        session -> simple("INSERT INTO trace_rec.lines (p, c, v) VALUES (3, 1, 'x') IF NOT EXISTS")));
    s.add(new Scenario("lwt_insert_not_applied", List.of(),
        session -> simple("INSERT INTO trace_rec.lines (p, c, v) VALUES (3, 1, 'y') IF NOT EXISTS")));
    s.add(new Scenario("lwt_update_met", List.of(),
        session -> simple("UPDATE trace_rec.lines SET v = 'z' WHERE p = 3 AND c = 1 IF v = 'x'")));
    s.add(new Scenario("lwt_update_not_met", List.of(),
        session -> simple("UPDATE trace_rec.lines SET v = 'w' WHERE p = 3 AND c = 1 IF v = 'x'")));
    s.add(new Scenario("lwt_delete_if_exists", List.of(),
        session -> simple("DELETE FROM trace_rec.lines WHERE p = 3 AND c = 1 IF EXISTS")));
    s.add(new Scenario("serial_read", List.of(),
        session -> simple("SELECT * FROM trace_rec.lines WHERE p = 1").setConsistencyLevel(DefaultConsistencyLevel.SERIAL)));
    s.add(new Scenario("counter_update", List.of(),
        session -> simple("UPDATE trace_rec.counts SET n = n + 1 WHERE id = 1")));
    s.add(new Scenario("counter_update_again", List.of(),
        session -> simple("UPDATE trace_rec.counts SET n = n + 2 WHERE id = 1")));
    s.add(new Scenario("execute_bound", List.of(), session -> {
      PreparedStatement p = session.prepare("INSERT INTO trace_rec.lines (p, c, v) VALUES (?, ?, ?)");
      return p.bind(5, 1, "bound").setConsistencyLevel(DefaultConsistencyLevel.ONE);
    }));
    s.add(new Scenario("execute_named_select", List.of(), session -> {
      PreparedStatement p = session.prepare("SELECT * FROM trace_rec.lines WHERE p = :key AND c IN (1, 2)");
      return p.bind().setInt("key", 1);
    }));
    // Paxos's events: conditional batches, conditions on several columns, static and collection
    // columns, a table without clustering columns, absent rows, LOCAL_SERIAL and names reads
    s.add(new Scenario("lwt_batch_applied", List.of(),
        session -> simple("BEGIN BATCH INSERT INTO trace_rec.lines (p, c, v) VALUES (4, 1, 'a') IF NOT EXISTS; "
            + "INSERT INTO trace_rec.lines (p, c, v) VALUES (4, 2, 'b') IF NOT EXISTS; APPLY BATCH")));
    s.add(new Scenario("lwt_batch_not_applied", List.of(),
        session -> simple("BEGIN BATCH UPDATE trace_rec.lines SET v = 'c' WHERE p = 4 AND c = 1 IF v = 'zz'; "
            + "INSERT INTO trace_rec.lines (p, c, v) VALUES (4, 3, 'd'); APPLY BATCH")));
    s.add(new Scenario("lwt_update_absent", List.of(),
        session -> simple("UPDATE trace_rec.lines SET v = 'n' WHERE p = 9 AND c = 1 IF v = 'x'")));
    s.add(new Scenario("lwt_delete_absent", List.of(),
        session -> simple("DELETE FROM trace_rec.lines WHERE p = 8 AND c = 1 IF EXISTS")));
    s.add(new Scenario("lwt_wide_insert", List.of(),
        session -> simple("INSERT INTO trace_rec.wide (p, c, s, a, b, tags) VALUES (1, 1, 7, 2, 'q', {'t1', 't2'}) IF NOT EXISTS")));
    s.add(new Scenario("lwt_wide_insert_not_applied", List.of(),
        session -> simple("INSERT INTO trace_rec.wide (p, c, a) VALUES (1, 1, 3) IF NOT EXISTS")));
    s.add(new Scenario("lwt_wide_update_not_met", List.of(),
        session -> simple("UPDATE trace_rec.wide SET a = 5, tags = tags + {'t3'} WHERE p = 1 AND c = 1 IF b = 'nope' AND a = 2")));
    s.add(new Scenario("lwt_wide_update_met", List.of(),
        session -> simple("UPDATE trace_rec.wide SET a = 6, tags = tags + {'t3'} WHERE p = 1 AND c = 1 IF b = 'q' AND s = 7")));
    s.add(new Scenario("lwt_static_only", List.of(),
        session -> simple("UPDATE trace_rec.wide SET s = 8 WHERE p = 1 IF s = 7")));
    s.add(new Scenario("lwt_static_only_not_met", List.of(),
        session -> simple("UPDATE trace_rec.wide SET s = 9 WHERE p = 1 IF s = 7")));
    s.add(new Scenario("lwt_kv_insert", List.of(),
        session -> simple("INSERT INTO trace_rec.kv (k, v) VALUES ('a', 1) IF NOT EXISTS")));
    s.add(new Scenario("lwt_kv_update_not_met", List.of(),
        session -> simple("UPDATE trace_rec.kv SET v = 3 WHERE k = 'a' IF v = 2")));
    s.add(new Scenario("serial_read_local", List.of(),
        session -> simple("SELECT * FROM trace_rec.lines WHERE p = 4").setConsistencyLevel(DefaultConsistencyLevel.LOCAL_SERIAL)));
    s.add(new Scenario("serial_read_names", List.of(),
        session -> simple("SELECT v FROM trace_rec.lines WHERE p = 4 AND c = 1").setConsistencyLevel(DefaultConsistencyLevel.SERIAL)));
    s.add(new Scenario("serial_read_again", List.of(),
        session -> simple("SELECT * FROM trace_rec.lines WHERE p = 4").setConsistencyLevel(DefaultConsistencyLevel.SERIAL)));
    return s;
  }

  private static SimpleStatement simple(String cql) {
    return SimpleStatement.newInstance(cql);
  }

  /**
   * An event's activity with what differs from run to run made fixed: UUIDs (ballots) become
   * {@code <uuid>}, message sizes {@code <n>}, tokens in ranges {@code <token>}.
   */
  static String normalise(String activity) {
    return activity
        .replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
        .replaceAll("message size [0-9]+ bytes", "message size <n> bytes")
        .replaceAll("-?[0-9]{6,}", "<token>");
  }

  /**
   * Activities {@link #normalise}d, with the race 5.0 has in a scan made fixed: its coordinator's
   * "Submitted N concurrent range requests" and the local replica's seq scan run on two threads,
   * so 5.0 records them in either order (both were seen); the coordinator's event is put first.
   */
  static List<String> ordered(List<String> activities) {
    List<String> out = new ArrayList<>();
    for (String a : activities) {
      out.add(normalise(a));
    }
    int submitted = -1;
    for (int i = 0; i < out.size(); i++) {
      if (out.get(i).startsWith("Submitted ")) {
        submitted = i;
      }
    }
    if (submitted > 0 && out.get(submitted - 1).startsWith("Executing seq scan")) {
      out.add(submitted - 1, out.remove(submitted));
    }
    return out;
  }

  /** Reads the recorded file: scenario name to its parameters and activities. */
  static Map<String, Recorded> recorded() throws IOException {
    Map<String, Recorded> result = new LinkedHashMap<>();
    try (InputStream in = TracingScenarios.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IOException("missing " + RESOURCE);
      }
      String name = null;
      Map<String, String> parameters = null;
      List<String> activities = null;
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("== ")) {
          name = line.substring(3).trim();
          parameters = new LinkedHashMap<>();
          activities = new ArrayList<>();
          result.put(name, new Recorded(parameters, activities));
        } else if (line.startsWith("param ")) {
          int eq = line.indexOf('=');
          parameters.put(line.substring(6, eq), line.substring(eq + 1));
        } else if (line.startsWith("event ")) {
          activities.add(line.substring(6));
        } else if (activities != null && !activities.isEmpty() && !line.startsWith("#")) {
          // an event's text spans lines (a partition's rows, as 5.0's Paxos events print them)
          activities.set(activities.size() - 1, activities.get(activities.size() - 1) + "\n" + line);
        }
      }
    }
    return result;
  }

  /** A session's parameters and activities in the recorded file's form. */
  static String format(String name, Map<String, String> parameters, List<String> activities) {
    StringBuilder b = new StringBuilder("== ").append(name).append('\n');
    new java.util.TreeMap<>(parameters).forEach((k, v) -> b.append("param ").append(k).append('=').append(v).append('\n'));
    activities.forEach(a -> b.append("event ").append(normalise(a)).append('\n'));
    return b.toString();
  }
}
