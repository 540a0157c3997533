package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.junit.internal.SettingsReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * Topologies and storage asked for in the annotation reach the engine as they are. What the engine
 * cannot run yet fails the class with the engine's own message before any test starts; once it
 * can, the same fixtures must run and see the cluster they asked for (the checks switch by asking
 * the engine first).
 */
class TopologyTest {

  @OnlyInTestKit
  @CassandraCluster(nodes = 3, keyspace = "three", shared = false)
  static class ThreeNodesFixture {
    @Test
    void sees_three_nodes_and_replication_for_them(RingletCluster cluster, CqlSession session) {
      assertThat(cluster.nodes()).hasSize(3);
      assertThat(session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'three'")
          .one().getMap("replication", String.class, String.class))
          .isEqualTo(Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "datacenter1", "3"));
    }

    @Test
    void logs_the_coordinator_of_each_request(RingletCluster cluster, CqlSession session, QueryLog log) {
      for (com.datastax.oss.driver.api.core.metadata.Node node : session.getMetadata().getNodes().values()) {
        session.execute(SimpleStatement.newInstance("SELECT host_id FROM system.local WHERE key = 'local'").setNode(node));
      }
      List<LoggedQuery> queries = log.queries(q -> q.queryContains("WHERE key = 'local'"));
      assertThat(queries).extracting(LoggedQuery::coordinatorHostId)
          .containsExactlyInAnyOrderElementsOf(cluster.nodes().stream().map(RingletNode::hostId).toList());
      for (LoggedQuery q : queries) {
        RingletNode coordinator = cluster.nodes().stream().filter(n -> n.hostId().equals(q.coordinatorHostId())).findFirst().orElseThrow();
        assertThat(q.coordinator()).isEqualTo(coordinator.nativeAddress());
      }
    }
  }

  @OnlyInTestKit
  @CassandraCluster(datacenters = {@Datacenter(name = "dc1", nodes = 3, racks = 3),
      @Datacenter(name = "dc2", nodes = 2, rackNames = {"r-a", "r-b"})}, numTokens = 8, keyspace = "two_dcs", shared = false)
  static class TwoDatacentersFixture {
    @Test
    void sees_both_datacenters(RingletCluster cluster, CqlSession session) {
      assertThat(cluster.localDatacenter()).isEqualTo("dc1");
      assertThat(cluster.nodes()).extracting(RingletNode::datacenter).containsExactly("dc1", "dc1", "dc1", "dc2", "dc2");
      assertThat(cluster.nodes()).extracting(RingletNode::rack).containsExactly("rack1", "rack2", "rack3", "r-a", "r-b");
      assertThat(session.execute("SELECT replication FROM system_schema.keyspaces WHERE keyspace_name = 'two_dcs'")
          .one().getMap("replication", String.class, String.class))
          .isEqualTo(Map.of("class", "org.apache.cassandra.locator.NetworkTopologyStrategy", "dc1", "3", "dc2", "2"));
    }
  }

  @OnlyInTestKit
  @CassandraCluster(dataDirectory = CassandraCluster.TEMPORARY_DIRECTORY, shared = false)
  static class TemporaryDirectoryFixture {
    @Test
    void keeps_data_there(CqlSession session) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS durable WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      assertThat(session.execute("SELECT keyspace_name FROM system_schema.keyspaces WHERE keyspace_name = 'durable'").one())
          .isNotNull();
    }
  }

  @Test
  void three_nodes_run_or_fail_the_class_with_the_engines_reason() {
    expect(ThreeNodesFixture.class, () -> ClusterSpec.defaults().withNodes(3), 2);
  }

  @Test
  void two_datacenters_run_or_fail_the_class_with_the_engines_reason() {
    ClusterSpec asked = SettingsReader.read(TwoDatacentersFixture.class).settings().spec();
    assertThat(asked.datacenters()).containsExactly(
        new DatacenterSpec("dc1", 3, List.of("rack1", "rack2", "rack3")), new DatacenterSpec("dc2", 2, List.of("r-a", "r-b")));
    assertThat(asked.numTokens()).isEqualTo(8);
    expect(TwoDatacentersFixture.class, () -> asked, 1);
  }

  @Test
  void a_temporary_data_directory_is_made_per_cluster_and_deleted() throws Exception {
    Path probe = Files.createTempDirectory("ringlet-probe-");
    String refusal = refusal(() -> ClusterSpec.defaults().withDataDirectory(probe));
    Files.deleteIfExists(probe);
    EngineExecutionResults results = TestKit.run(TemporaryDirectoryFixture.class);
    if (refusal == null) {
      results.testEvents().assertStatistics(s -> s.succeeded(1));
      return;
    }
    String expected = "Ringlet cluster for " + TemporaryDirectoryFixture.class.getName() + ": dataDirectory ";
    results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(m -> m.startsWith(expected)
        && m.contains(refusal.substring(refusal.indexOf(':')))
        && !Files.exists(Path.of(m.substring(expected.length(), m.indexOf(':', expected.length())))))));
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  private static void expect(Class<?> fixture, Supplier<ClusterSpec> sameSpec, int tests) {
    String refusal = refusal(sameSpec);
    EngineExecutionResults results = TestKit.run(fixture);
    if (refusal == null) {
      results.testEvents().assertStatistics(s -> s.succeeded(tests).failed(0));
      return;
    }
    results.containerEvents().assertThatEvents().haveExactly(1, finishedWithFailure(message(
        "Ringlet cluster for " + fixture.getName() + ": " + refusal)));
    results.testEvents().assertStatistics(s -> s.started(0));
  }

  /** The engine's message refusing the spec, or null when it runs it. */
  private static String refusal(Supplier<ClusterSpec> spec) {
    try (RingletCluster ignored = Ringlet.start(spec.get())) {
      return null;
    } catch (UnsupportedOperationException e) {
      return e.getMessage();
    }
  }
}
