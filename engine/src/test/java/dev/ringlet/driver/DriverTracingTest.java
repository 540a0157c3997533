package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.BatchStatement;
import com.datastax.oss.driver.api.core.cql.DefaultBatchType;
import com.datastax.oss.driver.api.core.cql.ExecutionInfo;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.QueryTrace;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.cql.TraceEvent;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Query tracing: a traced request's session and events in system_traces, as the driver reads them. */
class DriverTracingTest {

  @Test
  void should_record_a_traced_query_in_system_traces() throws Exception {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");

      ExecutionInfo info = session.execute(SimpleStatement.newInstance("SELECT * FROM shop.items WHERE id = 1")
          .setTracing(true)).getExecutionInfo();
      QueryTrace trace = info.getQueryTrace();

      assertThat(trace.getTracingId()).isEqualTo(info.getTracingId());
      assertThat(trace.getTracingId().version()).as("a time UUID, as 5.0's session ids").isEqualTo(1);
      assertThat(trace.getRequestType()).isEqualTo("Execute CQL3 query");
      assertThat(trace.getParameters()).containsEntry("query", "SELECT * FROM shop.items WHERE id = 1")
          .containsEntry("consistency_level", "LOCAL_ONE").containsEntry("serial_consistency_level", "SERIAL")
          .containsEntry("page_size", "5000");
      assertThat(trace.getDurationMicros()).isGreaterThanOrEqualTo(0);
      InetAddress node = cluster.nodes().get(0).nativeAddress().getAddress();
      assertThat(trace.getCoordinatorAddress().getAddress()).isEqualTo(node);
      assertThat(trace.getEvents()).extracting(TraceEvent::getActivity)
          .containsExactly("Parsing SELECT * FROM shop.items WHERE id = 1", "Preparing statement",
              "Executing single-partition query on items", "Acquiring sstable references",
              "Skipped 0/0 non-slice-intersecting sstables, included 0 due to tombstones",
              "Merged data from memtables and 0 sstables", "Read 0 live rows and 0 tombstone cells");
      assertThat(trace.getEvents()).allSatisfy(e -> assertThat(e.getSourceAddress().getAddress()).isEqualTo(node));

      Row row = session.execute("SELECT command, client, TTL(request) AS ttl FROM system_traces.sessions WHERE session_id = ?",
          trace.getTracingId()).one();
      assertThat(row.getString("command")).isEqualTo("QUERY");
      assertThat(row.getInetAddress("client")).isNotNull();
      assertThat(row.getInt("ttl")).as("5.0's query trace TTL, one day").isBetween(86_390, 86_400);
    }
  }

  @Test
  void should_name_prepared_and_batch_requests_and_leave_untraced_ones_out() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
      PreparedStatement insert = session.prepare("INSERT INTO shop.items (id, name) VALUES (?, ?)");
      session.execute(insert.bind(1, "a"));
      assertThat(session.execute("SELECT count(*) FROM system_traces.sessions").one().getLong(0)).isZero();

      QueryTrace execute = session.execute(insert.bind(2, "b").setTracing(true)).getExecutionInfo().getQueryTrace();
      assertThat(execute.getRequestType()).isEqualTo("Execute CQL3 prepared query");
      QueryTrace batch = session.execute(BatchStatement.newInstance(DefaultBatchType.LOGGED, insert.bind(3, "c"))
          .setTracing(true)).getExecutionInfo().getQueryTrace();
      assertThat(batch.getRequestType()).isEqualTo("Execute batch of CQL3 queries");
      assertThat(batch.getParameters()).containsOnlyKeys("consistency_level", "serial_consistency_level");
      assertThat(session.execute("SELECT count(*) FROM system_traces.sessions").one().getLong(0)).isEqualTo(2);
    }
  }

  @Test
  void should_find_the_trace_of_a_request_on_every_node_of_a_cluster() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      ExecutionInfo info = session.execute(SimpleStatement.newInstance("SELECT release_version FROM system.local")
          .setTracing(true)).getExecutionInfo();
      InetAddress coordinator = info.getCoordinator().getBroadcastRpcAddress().orElseThrow().getAddress();
      List<InetAddress> seen = cluster.nodes().stream().map(n -> {
        SimpleStatement read = SimpleStatement.newInstance(
            "SELECT coordinator FROM system_traces.sessions WHERE session_id = ?", info.getTracingId())
            .setNode(session.getMetadata().getNodes().values().stream()
                .filter(m -> m.getBroadcastRpcAddress().orElseThrow().equals(n.nativeAddress())).findFirst().orElseThrow());
        return session.execute(read).one().getInetAddress("coordinator");
      }).collect(Collectors.toList());
      assertThat(seen).containsOnly(coordinator).hasSize(3);
    }
  }

  @Test
  void should_record_the_replica_events_of_writes_and_reads_as_5_0_does_on_one_node() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE shop.lines (p int, c int, v text, PRIMARY KEY (p, c))");

      // Given: the events 5.0.9 records for these statements on one node (cqlsh TRACING ON)
      QueryTrace insert = traced(session, "INSERT INTO shop.lines (p, c, v) VALUES (1, 1, 'a')");
      assertThat(insert.getEvents()).extracting(TraceEvent::getActivity).containsExactly(
          "Parsing INSERT INTO shop.lines (p, c, v) VALUES (1, 1, 'a')", "Preparing statement",
          "Determining replicas for mutation", "Appending to commitlog", "Adding to lines memtable");
      session.execute("INSERT INTO shop.lines (p, c, v) VALUES (1, 2, 'b')");
      session.execute("INSERT INTO shop.lines (p, c, v) VALUES (1, 3, 'c')");
      session.execute("DELETE FROM shop.lines WHERE p = 1 AND c = 1");

      QueryTrace read = traced(session, "SELECT * FROM shop.lines WHERE p = 1");
      assertThat(read.getEvents()).extracting(TraceEvent::getActivity).containsExactly(
          "Parsing SELECT * FROM shop.lines WHERE p = 1", "Preparing statement",
          "Executing single-partition query on lines", "Acquiring sstable references",
          "Skipped 0/0 non-slice-intersecting sstables, included 0 due to tombstones",
          "Merged data from memtables and 0 sstables", "Read 2 live rows and 1 tombstone cells");

      QueryTrace batch = traced(session, "BEGIN BATCH INSERT INTO shop.lines (p, c, v) VALUES (3, 1, 'a'); "
          + "INSERT INTO shop.lines (p, c, v) VALUES (4, 1, 'a'); APPLY BATCH");
      assertThat(batch.getEvents()).extracting(TraceEvent::getActivity)
          .contains("Determining replicas for atomic batch", "Adding to lines memtable");

      cluster.nodes().get(0).flush();
      QueryTrace afterFlush = traced(session, "SELECT * FROM shop.lines WHERE p = 1");
      assertThat(afterFlush.getEvents()).extracting(TraceEvent::getActivity)
          .contains("Merged data from memtables and 1 sstables", "Read 2 live rows and 1 tombstone cells");
    }
  }

  @Test
  void should_record_each_replica_events_with_its_own_address_in_a_cluster() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");

      ExecutionInfo info = session.execute(SimpleStatement.newInstance("INSERT INTO shop.items (id, name) VALUES (1, 'a')")
          .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL).setTracing(true))
          .getExecutionInfo();
      QueryTrace write = info.getQueryTrace();
      InetAddress coordinator = write.getCoordinatorAddress().getAddress();
      List<InetAddress> replicas = cluster.nodes().stream().map(n -> n.nativeAddress().getAddress())
          .filter(a -> !a.equals(coordinator)).collect(Collectors.toList());
      assertThat(replicas).hasSize(2);
      for (InetAddress replica : replicas) {
        String to = "/" + replica.getHostAddress() + ":";
        String from = "/" + coordinator.getHostAddress() + ":";
        assertThat(activities(write, coordinator)).anyMatch(a -> a.startsWith("Sending MUTATION_REQ message to " + to)
            && a.matches(".* message size [1-9][0-9]* bytes"));
        assertThat(activities(write, coordinator)).anyMatch(a -> a.startsWith("MUTATION_RSP message received from " + to));
        assertThat(activities(write, coordinator)).anyMatch(a -> a.startsWith("Processing response from " + to));
        assertThat(activities(write, replica)).first().asString().startsWith("MUTATION_REQ message received from " + from);
        assertThat(activities(write, replica)).contains("Appending to commitlog", "Adding to items memtable");
        assertThat(activities(write, replica)).anyMatch(a -> a.startsWith("Enqueuing response to " + from));
        assertThat(activities(write, replica)).last().asString().startsWith("Sending MUTATION_RSP message to " + from);
      }
      assertThat(activities(write, coordinator)).contains("Determining replicas for mutation", "Appending to commitlog",
          "Adding to items memtable");

      QueryTrace read = session.execute(SimpleStatement.newInstance("SELECT * FROM shop.items WHERE id = 1")
          .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL).setTracing(true))
          .getExecutionInfo().getQueryTrace();
      InetAddress readCoordinator = read.getCoordinatorAddress().getAddress();
      long replicasThatRead = cluster.nodes().stream().map(n -> n.nativeAddress().getAddress())
          .filter(a -> activities(read, a).contains("Executing single-partition query on items")).count();
      assertThat(replicasThatRead).as("every replica of an ALL read records its own read").isEqualTo(3);
      assertThat(activities(read, readCoordinator)).anyMatch(a -> a.startsWith("Sending READ_REQ message to /"));
    }
  }

  @Test
  void should_record_the_events_and_parameters_5_0_9_records_on_one_node() throws Exception {
    java.util.Map<String, TracingScenarios.Recorded> recorded = TracingScenarios.recorded();
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      for (String ddl : TracingScenarios.schema()) {
        session.execute(ddl);
      }
      int compared = 0;
      for (TracingScenarios.Scenario s : TracingScenarios.all()) {
        // Given: the scenario's set-up, then its traced request, as TracingRecorder ran them on 5.0.9
        for (String setup : s.setup()) {
          session.execute(setup);
        }
        QueryTrace trace = session.execute(s.traced().apply(session).setTracing(true)).getExecutionInfo().getQueryTrace();
        // Then: the same events, in the same order, and the same session parameters
        TracingScenarios.Recorded expected = recorded.get(s.name());
        assertThat(expected).as("recorded scenario " + s.name()).isNotNull();
        assertThat(TracingScenarios.ordered(trace.getEvents().stream().map(e -> e.getActivity()).collect(Collectors.toList())))
            .as(s.name()).containsExactlyElementsOf(TracingScenarios.ordered(expected.activities()));
        assertThat(trace.getParameters()).as(s.name()).isEqualTo(expected.parameters());
        compared++;
      }
      assertThat(compared).isEqualTo(TracingScenarios.all().size());
    }
  }

  @Test
  void should_record_a_scan_on_every_replica_with_its_own_source_in_a_cluster() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      // Given: one replica per partition, so that a scan needs every node
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
      for (int i = 0; i < 30; i++) {
        session.execute("INSERT INTO shop.items (id, name) VALUES (" + i + ", 'n')");
      }

      // When
      QueryTrace scan = traced(session, "SELECT * FROM shop.items");

      // Then: the coordinator's ranges (3 nodes x 16 tokens + 1) and one request per node
      InetAddress coordinator = scan.getCoordinatorAddress().getAddress();
      assertThat(activities(scan, coordinator)).contains("Computing ranges to query",
          "Submitting range requests on 49 ranges with a concurrency of 1 (0.0 rows per range expected)",
          "Submitted 3 concurrent range requests");
      int rows = 0;
      for (InetAddress node : cluster.nodes().stream().map(n -> n.nativeAddress().getAddress()).collect(Collectors.toList())) {
        List<String> own = activities(scan, node);
        assertThat(own).as("events of " + node).contains(
            "Executing seq scan across 0 sstables for (min(-9223372036854775808), min(-9223372036854775808)]");
        String read = own.stream().filter(a -> a.startsWith("Read ")).findFirst().orElseThrow();
        rows += Integer.parseInt(read.split(" ")[1]);
        if (!node.equals(coordinator)) {
          String from = "/" + coordinator.getHostAddress() + ":";
          assertThat(own).first().asString().startsWith("RANGE_REQ message received from " + from);
          assertThat(own).last().asString().startsWith("Sending RANGE_RSP message to " + from);
          assertThat(activities(scan, coordinator)).anyMatch(a -> a.startsWith("RANGE_RSP message received from /"
              + node.getHostAddress() + ":"));
        }
      }
      assertThat(rows).as("every row read once, by its one replica").isEqualTo(30);
    }
  }

  @Test
  void should_record_the_counter_leader_events_on_the_leader_in_a_cluster() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE shop.hits (id int PRIMARY KEY, n counter)");

      // When: the first increment of a counter, which no leader has written yet
      QueryTrace first = traced(session, "UPDATE shop.hits SET n = n + 1 WHERE id = 1");

      // Then: one node led it, missing its counter cache and reading the table, then writing
      List<InetAddress> leaders = cluster.nodes().stream().map(n -> n.nativeAddress().getAddress())
          .filter(a -> activities(first, a).contains("Acquiring counter locks")).collect(Collectors.toList());
      assertThat(leaders).hasSize(1);
      List<String> led = activities(first, leaders.get(0));
      assertThat(led.subList(led.indexOf("Acquiring counter locks"), led.size())).startsWith("Acquiring counter locks",
          "Fetching 1 counter values from cache", "Reading 1 counter values from the CF",
          "Executing single-partition query on hits", "Acquiring sstable references",
          "Skipped 0/0 non-slice-intersecting sstables, included 0 due to tombstones", "Appending to commitlog",
          "Adding to hits memtable");
      assertThat(cluster.nodes().stream().map(n -> n.nativeAddress().getAddress())
          .filter(a -> !a.equals(leaders.get(0))).flatMap(a -> activities(first, a).stream()))
          .doesNotContain("Acquiring counter locks").contains("Adding to hits memtable");
    }
  }

  @Test
  void should_write_the_events_of_a_replica_that_answers_after_the_coordinator_replied() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE shop.items (id int PRIMARY KEY, name text)");
      dev.ringlet.api.RingletNode coordinator = cluster.nodes().get(0);
      dev.ringlet.api.RingletNode late = cluster.nodes().get(2);
      // Given: the third replica's answer to the coordinator is held for a second
      cluster.addRule(dev.ringlet.api.MessageRule.delay(java.time.Duration.ofSeconds(1))
          .verb(dev.ringlet.api.MessageVerb.MUTATION).from(late).to(coordinator)
          .direction(dev.ringlet.api.MessageRule.Direction.RESPONSE));
      com.datastax.oss.driver.api.core.metadata.Node driverNode = session.getMetadata().getNodes().values().stream()
          .filter(m -> m.getBroadcastRpcAddress().orElseThrow().equals(coordinator.nativeAddress())).findFirst().orElseThrow();

      // When: a write at ONE, answered before that replica's answer arrives
      java.util.UUID id = session.execute(SimpleStatement.newInstance("INSERT INTO shop.items (id, name) VALUES (1, 'a')")
          .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ONE).setNode(driverNode)
          .setTracing(true)).getExecutionInfo().getTracingId();
      InetAddress lateAddress = late.nativeAddress().getAddress();
      assertThat(eventsOf(session, id, lateAddress)).isEmpty();
      cluster.advanceClock(java.time.Duration.ofSeconds(1));

      // Then: its events are written when its answer comes
      dev.ringlet.driver.wait.Await.until("the late replica's events",
          () -> eventsOf(session, id, lateAddress).contains("Adding to items memtable"));
      assertThat(eventsOf(session, id, lateAddress)).first().asString().startsWith("MUTATION_REQ message received from /");
      assertThat(eventsOf(session, id, coordinator.nativeAddress().getAddress()))
          .anyMatch(a -> a.startsWith("MUTATION_RSP message received from /" + lateAddress.getHostAddress() + ":"));
    }
  }

  private static List<String> eventsOf(CqlSession session, java.util.UUID id, InetAddress source) {
    return session.execute("SELECT activity, source FROM system_traces.events WHERE session_id = ?", id).all().stream()
        .filter(r -> source.equals(r.getInetAddress("source"))).map(r -> r.getString("activity")).collect(Collectors.toList());
  }

  private static QueryTrace traced(CqlSession session, String cql) {
    return session.execute(SimpleStatement.newInstance(cql).setTracing(true)).getExecutionInfo().getQueryTrace();
  }

  private static List<String> activities(QueryTrace trace, InetAddress source) {
    return trace.getEvents().stream().filter(e -> e.getSourceAddress().getAddress().equals(source))
        .map(TraceEvent::getActivity).collect(Collectors.toList());
  }
}
