package dev.ringlet.driver;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records {@link TracingScenarios} from a real Cassandra 5.0.9 node into
 * {@code engine/src/test/resources/tracing/events-5.0.9.txt}; run by hand against the reference
 * (not by the build):
 *
 * <pre>{@code java -cp <engine test classpath> dev.ringlet.driver.TracingRecorder 127.0.0.1:9194 <file>}</pre>
 *
 * <p>The recorder drops the keyspace {@code trace_rec} first, and again after a first, unrecorded pass (on a
 * loaded machine add {@code -Ddatastax-java-driver.basic.request.timeout="30 seconds"}). 5.0 writes a session's events in the background,
 * so each session is read from {@code system_traces} after it is complete (its {@code duration} set)
 * and no further event arrived for a second.
 */
public final class TracingRecorder {

  private TracingRecorder() {}

  public static void main(String[] args) throws Exception {
    String[] hostPort = args[0].split(":");
    StringBuilder out = new StringBuilder("# Recorded by TracingRecorder from Apache Cassandra 5.0.9 (one node); do not edit.\n");
    try (CqlSession session = CqlSession.builder()
        .addContactPoint(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])))
        .withLocalDatacenter("datacenter1").build()) {
      session.execute("DROP KEYSPACE IF EXISTS trace_rec");
      // A first pass warms 5.0's system caches (truncation records, the local counter id), whose reads
      // a fresh node adds to its first LWT and counter traces; the second pass, on a new keyspace, is recorded.
      for (String ddl : TracingScenarios.schema()) {
        session.execute(ddl);
      }
      for (TracingScenarios.Scenario s : TracingScenarios.all()) {
        for (String setup : s.setup()) {
          session.execute(setup);
        }
        session.execute(s.traced().apply(session));
      }
      session.execute("DROP KEYSPACE trace_rec");
      for (String ddl : TracingScenarios.schema()) {
        session.execute(ddl);
      }
      for (TracingScenarios.Scenario s : TracingScenarios.all()) {
        for (String setup : s.setup()) {
          session.execute(setup);
        }
        UUID id = session.execute(s.traced().apply(session).setTracing(true)).getExecutionInfo().getTracingId();
        List<String> activities = settled(session, id);
        Row row = session.execute("SELECT parameters FROM system_traces.sessions WHERE session_id = ?", id).one();
        Map<String, String> parameters = row.getMap("parameters", String.class, String.class);
        out.append(TracingScenarios.format(s.name(), parameters, activities));
      }
    }
    Files.writeString(Path.of(args[1]), out.toString(), StandardCharsets.UTF_8);
  }

  private static List<String> settled(CqlSession session, UUID id) throws InterruptedException {
    List<String> last = List.of();
    while (true) {
      Thread.sleep(1000);
      Row s = session.execute("SELECT duration FROM system_traces.sessions WHERE session_id = ?", id).one();
      ResultSet rs = session.execute("SELECT activity FROM system_traces.events WHERE session_id = ?", id);
      List<String> now = new ArrayList<>();
      rs.forEach(r -> now.add(r.getString("activity")));
      if (s != null && !s.isNull("duration") && now.equals(last)) {
        return now;
      }
      last = now;
    }
  }
}
