package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.DatacenterSpec;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import dev.ringlet.api.UserFunctionTimeoutPolicy;
import dev.ringlet.junit.internal.SettingsReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Topologies and storage asked for in the annotation reach the engine as they are, and the fixtures
 * see the cluster they asked for. What the engine refuses fails the class with the engine's own
 * message before any test starts.
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

  @OnlyInTestKit
  @CassandraCluster(nodes = 3, dataDirectory = CassandraCluster.TEMPORARY_DIRECTORY, shared = false)
  static class DurableClusterFixture {
    @Test
    void keeps_data_on_every_node(CqlSession session) {
      session.execute("CREATE KEYSPACE IF NOT EXISTS durable WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE IF NOT EXISTS durable.t (k int PRIMARY KEY)");
      session.execute("INSERT INTO durable.t (k) VALUES (1)");
      assertThat(session.execute("SELECT k FROM durable.t").one()).isNotNull();
    }
  }

  @OnlyInTestKit
  @CassandraCluster(nodes = 3, shared = false)
  @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
  static class FaultsFixture {
    @Test
    @org.junit.jupiter.api.Order(1)
    void kills_and_pauses_nodes_and_partitions_the_rest(RingletCluster cluster) {
      cluster.node(1).kill();
      cluster.node(2).stop();
      cluster.partition(List.of(List.of(cluster.node(0)), List.of(cluster.node(1), cluster.node(2))));
      assertThat(cluster.nodes()).filteredOn(RingletNode::isRunning).hasSize(1);
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void finds_every_node_up_again(RingletCluster cluster, CqlSession session) {
      assertThat(cluster.nodes()).allMatch(RingletNode::isRunning);
      session.execute("CREATE KEYSPACE IF NOT EXISTS after_faults WITH replication = "
          + "{'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE IF NOT EXISTS after_faults.t (k int PRIMARY KEY)");
      session.execute(SimpleStatement.newInstance("INSERT INTO after_faults.t (k) VALUES (1)")
          .setConsistencyLevel(com.datastax.oss.driver.api.core.DefaultConsistencyLevel.ALL));
    }
  }

  @OnlyInTestKit
  @CassandraCluster(authentication = true, userDefinedFunctions = true, manualClock = true, keyspace = "opts", shared = false)
  static class OptionsFixture {
    @Test
    void logs_in_runs_functions_and_moves_the_clock(RingletCluster cluster, CqlSession session) {
      assertThat(session.execute("SELECT role FROM system_auth.roles WHERE role = 'cassandra'").one()).isNotNull();
      // the first Java UDF of a JVM starts javac (1-2 s on an idle machine): more than the driver's 2 s on a busy one
      session.execute(SimpleStatement.newInstance(
          "CREATE FUNCTION opts.twice(x int) RETURNS NULL ON NULL INPUT RETURNS int LANGUAGE java AS 'return x * 2;'")
          .setTimeout(java.time.Duration.ofSeconds(30)));
      session.execute("CREATE TABLE opts.t (k int PRIMARY KEY, v int)");
      session.execute("INSERT INTO opts.t (k, v) VALUES (1, 21) USING TTL 10");
      assertThat(session.execute("SELECT opts.twice(v) AS d FROM opts.t WHERE k = 1").one().getInt("d")).isEqualTo(42);
      cluster.advanceClock(java.time.Duration.ofSeconds(11));
      assertThat(session.execute("SELECT v FROM opts.t WHERE k = 1").one()).isNull();
    }
  }

  @OnlyInTestKit
  @CassandraCluster(userDefinedFunctions = true, userDefinedFunctionWarnTimeoutMillis = 0,
      userDefinedFunctionFailTimeoutMillis = 200, userFunctionTimeoutPolicy = UserFunctionTimeoutPolicy.IGNORE,
      keyspace = "spin", shared = false)
  static class FunctionTimeoutFixture {
    @Test
    void fails_a_runaway_function_at_the_fail_timeout_without_the_vm_suffix(CqlSession session) {
      session.execute(SimpleStatement.newInstance("CREATE FUNCTION spin.f(x int) RETURNS NULL ON NULL INPUT RETURNS int"
          + " LANGUAGE java AS 'int n = 0; while (n >= 0) { n = (n + x) % 1000; } return n;'")
          .setTimeout(java.time.Duration.ofSeconds(30)));
      assertThatThrownBy(() -> session.execute("SELECT spin.f(1) FROM system.local"))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.FunctionFailureException.class)
          .hasMessageEndingWith("java.util.concurrent.TimeoutException: User defined function spin.f : (int) -> int"
              + " ran longer than 200ms");
    }
  }

  @OnlyInTestKit
  @CassandraCluster(materializedViews = true, keyspace = "views", shared = false)
  static class ViewsFixture {
    @Test
    void creates_and_maintains_a_view(CqlSession session) {
      session.execute("CREATE TABLE views.t (k int PRIMARY KEY, v int)");
      session.execute("CREATE MATERIALIZED VIEW views.by_v AS SELECT * FROM views.t WHERE v IS NOT NULL AND k IS NOT NULL"
          + " PRIMARY KEY (v, k)");
      session.execute("INSERT INTO views.t (k, v) VALUES (2, 7)");
      assertThat(session.execute("SELECT k FROM views.by_v WHERE v = 7").one().getInt("k")).isEqualTo(2);
    }
  }

  @OnlyInTestKit
  @CassandraCluster(dynamicDataMasking = true, keyspace = "masks", shared = false)
  static class MaskingFixture {
    @Test
    void masks_a_column(CqlSession session) {
      session.execute("CREATE TABLE masks.t (k int PRIMARY KEY, v text MASKED WITH mask_inner(1, 1))");
      assertThat(session.execute("SELECT column_name, function_name FROM system_schema.column_masks"
          + " WHERE keyspace_name = 'masks'").one().getString("function_name")).isEqualTo("mask_inner");
    }
  }

  @Test
  void dynamic_data_masking_reaches_the_engine() {
    assertThat(SettingsReader.read(MaskingFixture.class).settings().spec().dynamicDataMasking()).isTrue();
    assertThat(SettingsReader.read(OptionsFixture.class).settings().spec().dynamicDataMasking()).isFalse();
    TestKit.assertAllSucceeded(TestKit.run(MaskingFixture.class), 1);
  }

  @Test
  void user_defined_function_timeouts_and_policy_reach_the_engine() {
    ClusterSpec asked = SettingsReader.read(FunctionTimeoutFixture.class).settings().spec();
    assertThat(asked.userDefinedFunctionWarnTimeout()).isEqualTo(java.time.Duration.ZERO);
    assertThat(asked.userDefinedFunctionFailTimeout()).isEqualTo(java.time.Duration.ofMillis(200));
    assertThat(asked.userFunctionTimeoutPolicy()).isEqualTo(UserFunctionTimeoutPolicy.IGNORE);
    ClusterSpec defaults = SettingsReader.read(OptionsFixture.class).settings().spec();
    assertThat(defaults.userDefinedFunctionWarnTimeout()).isEqualTo(java.time.Duration.ofMillis(500));
    assertThat(defaults.userDefinedFunctionFailTimeout()).isEqualTo(java.time.Duration.ofMillis(1500));
    assertThat(defaults.userFunctionTimeoutPolicy()).isEqualTo(UserFunctionTimeoutPolicy.DIE);
    TestKit.assertAllSucceeded(TestKit.run(FunctionTimeoutFixture.class), 1);
  }

  @OnlyInTestKit
  @CassandraCluster(tombstoneWarnThreshold = 2, tombstoneFailureThreshold = 5, keyspace = "tombs", shared = false)
  static class TombstoneThresholdsFixture {
    @Test
    void warns_past_the_warn_threshold_and_fails_past_the_failure_threshold(CqlSession session) {
      session.execute("CREATE TABLE t (k int, c int, s set<int>, PRIMARY KEY (k, c))");
      session.execute("UPDATE t SET s = s - {1, 2, 3} WHERE k = 1 AND c = 1");
      session.execute("UPDATE t SET s = s - {1, 2, 3, 4, 5, 6} WHERE k = 2 AND c = 1");

      assertThat(session.execute("SELECT * FROM t WHERE k = 1").getExecutionInfo().getWarnings())
          .singleElement().asString().startsWith("Read 0 live rows and 3 tombstone cells for query SELECT * FROM tombs.t");
      assertThatThrownBy(() -> session.execute("SELECT * FROM t WHERE k = 2"))
          .isInstanceOf(com.datastax.oss.driver.api.core.servererrors.ReadFailureException.class);
    }
  }

  @Test
  void tombstone_thresholds_reach_the_engine() {
    ClusterSpec asked = SettingsReader.read(TombstoneThresholdsFixture.class).settings().spec();
    assertThat(asked.tombstoneWarnThreshold()).isEqualTo(2);
    assertThat(asked.tombstoneFailureThreshold()).isEqualTo(5);
    ClusterSpec defaults = SettingsReader.read(OptionsFixture.class).settings().spec();
    assertThat(defaults.tombstoneWarnThreshold()).isEqualTo(1_000);
    assertThat(defaults.tombstoneFailureThreshold()).isEqualTo(100_000);
    TestKit.assertAllSucceeded(TestKit.run(TombstoneThresholdsFixture.class), 1);
  }

  @Test
  void refuses_thresholds_that_are_not_positive() {
    assertThatThrownBy(() -> SettingsReader.read(BadThresholdsFixture.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("@CassandraCluster(tombstoneWarnThreshold = 1000, tombstoneFailureThreshold = 0) (expected: positive)");
  }

  @CassandraCluster(tombstoneFailureThreshold = 0)
  static class BadThresholdsFixture {
  }

  @Test
  void refuses_a_warn_timeout_above_the_fail_timeout() {
    assertThatThrownBy(() -> SettingsReader.read(BadTimeoutsFixture.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("@CassandraCluster(userDefinedFunctionWarnTimeoutMillis = 3000, userDefinedFunctionFailTimeoutMillis"
            + " = 1500) (expected: 0 <= warn <= fail, fail positive)");
  }

  @CassandraCluster(userDefinedFunctionWarnTimeoutMillis = 3000)
  static class BadTimeoutsFixture {
  }

  @Test
  void materialized_views_reach_the_engine() {
    assertThat(SettingsReader.read(ViewsFixture.class).settings().spec().materializedViews()).isTrue();
    assertThat(SettingsReader.read(OptionsFixture.class).settings().spec().materializedViews()).isFalse();
    TestKit.assertAllSucceeded(TestKit.run(ViewsFixture.class), 1);
  }

  @Test
  void authentication_user_functions_and_the_manual_clock_reach_the_engine() {
    ClusterSpec asked = SettingsReader.read(OptionsFixture.class).settings().spec();
    assertThat(asked.authentication()).isTrue();
    assertThat(asked.userDefinedFunctions()).isTrue();
    assertThat(asked.manualClock()).isTrue();
    TestKit.assertAllSucceeded(TestKit.run(OptionsFixture.class), 1);
  }

  @Test
  void faults_a_test_leaves_are_undone_before_the_next_test() {
    TestKit.assertAllSucceeded(TestKit.run(FaultsFixture.class), 2);
  }

  @Test
  void three_nodes_run_and_see_their_cluster() {
    TestKit.assertAllSucceeded(TestKit.run(ThreeNodesFixture.class), 2);
  }

  @Test
  void two_datacenters_with_racks_and_tokens_run_as_asked() {
    ClusterSpec asked = SettingsReader.read(TwoDatacentersFixture.class).settings().spec();
    assertThat(asked.datacenters()).containsExactly(
        new DatacenterSpec("dc1", 3, List.of("rack1", "rack2", "rack3")), new DatacenterSpec("dc2", 2, List.of("r-a", "r-b")));
    assertThat(asked.numTokens()).isEqualTo(8);
    TestKit.assertAllSucceeded(TestKit.run(TwoDatacentersFixture.class), 1);
  }

  @Test
  void a_temporary_data_directory_keeps_a_single_node_s_data() {
    TestKit.assertAllSucceeded(TestKit.run(TemporaryDirectoryFixture.class), 1);
  }

  @Test
  void a_temporary_data_directory_serves_a_durable_three_node_cluster() {
    TestKit.assertAllSucceeded(TestKit.run(DurableClusterFixture.class), 1);
  }
}
