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
          .containsExactly("Parsing SELECT * FROM shop.items WHERE id = 1", "Preparing statement");
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
}
