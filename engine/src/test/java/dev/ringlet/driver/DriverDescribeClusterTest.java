package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.ColumnDefinitions;
import com.datastax.oss.driver.api.core.cql.ResultSet;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.metadata.token.TokenRange;
import com.datastax.oss.driver.api.core.type.DataTypes;
import com.datastax.oss.driver.api.core.type.reflect.GenericType;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** DESCRIBE CLUSTER and DESCRIBE FULL SCHEMA as the driver (and cqlsh, which sends them) sees them. */
class DriverDescribeClusterTest {

  @Test
  void should_describe_name_partitioner_snitch_and_the_range_ownership_of_the_keyspace_in_use() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withClusterName("Shop").withNodes(3).withNumTokens(4));
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      Row plain = session.execute("DESCRIBE CLUSTER").one();
      assertThat(plain.getColumnDefinitions().size()).isEqualTo(3);
      assertThat(plain.getString("cluster")).isEqualTo("Shop");
      assertThat(plain.getString("partitioner")).isEqualTo("Murmur3Partitioner");
      assertThat(plain.getString("snitch")).isEqualTo("DynamicEndpointSnitch");

      session.execute("CREATE KEYSPACE shop WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
      session.execute("USE shop");
      ResultSet rs = session.execute("DESCRIBE CLUSTER");
      ColumnDefinitions columns = rs.getColumnDefinitions();
      assertThat(columns.get("range_ownership").getType())
          .isEqualTo(DataTypes.mapOf(DataTypes.TEXT, DataTypes.listOf(DataTypes.TEXT)));
      assertThat(columns.get("range_ownership").getKeyspace().asInternal()).isEqualTo("system");
      assertThat(columns.get("range_ownership").getTable().asInternal()).isEqualTo("describe");
      Map<String, List<String>> ownership = rs.one().get("range_ownership",
          GenericType.mapOf(GenericType.STRING, GenericType.listOf(GenericType.STRING)));

      // One entry per vnode (3 nodes x 4 tokens), keyed by the range's end token, each with RF=2
      // distinct replicas: exactly what the driver's own token map computes from system tables.
      assertThat(ownership).hasSize(12);
      for (TokenRange range : session.getMetadata().getTokenMap().orElseThrow().getTokenRanges()) {
        String end = range.getEnd().toString().replaceAll("^Murmur3Token\\((-?\\d+)\\)$", "$1");
        Set<String> expected = new HashSet<>();
        session.getMetadata().getTokenMap().orElseThrow().getReplicas("shop", range).forEach(node ->
            expected.add("/" + node.getBroadcastAddress().orElseThrow().getAddress().getHostAddress() + ":"
                + node.getBroadcastAddress().orElseThrow().getPort()));
        assertThat(ownership.get(end)).as("replicas of the range ending at %s", end).hasSize(2);
        assertThat(new HashSet<>(ownership.get(end))).isEqualTo(expected);
      }

      session.execute("USE system");
      assertThat(session.execute("DESCRIBE CLUSTER").getColumnDefinitions().contains("range_ownership")).isFalse();
    }
  }

  @Test
  void should_describe_the_full_schema_system_and_virtual_keyspaces_included_by_name() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder().addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter()).build()) {
      session.execute("CREATE KEYSPACE app WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE app.t (k int PRIMARY KEY)");
      List<Row> rows = session.execute("DESCRIBE FULL SCHEMA").all();
      List<String> keyspaces = rows.stream().filter(r -> r.getString("type").equals("keyspace"))
          .map(r -> r.getString("keyspace_name")).toList();
      assertThat(keyspaces).containsExactly("app", "system", "system_auth", "system_distributed", "system_schema",
          "system_traces", "system_views", "system_virtual_schema");
      Row local = rows.stream().filter(r -> r.getString("name").equals("local")).findFirst().orElseThrow();
      assertThat(local.getString("create_statement")).startsWith("CREATE TABLE system.local (\n    key text PRIMARY KEY,");
      Row virtualColumns = rows.stream()
          .filter(r -> r.getString("keyspace_name").equals("system_virtual_schema") && r.getString("name").equals("columns"))
          .findFirst().orElseThrow();
      assertThat(virtualColumns.getString("create_statement"))
          .startsWith("/*\nWarning: Table system_virtual_schema.columns is a virtual table and cannot be recreated with CQL.")
          .contains("VIRTUAL TABLE system_virtual_schema.columns (")
          .endsWith("AND comment = 'virtual column definitions';\n*/");
      // DESCRIBE SCHEMA still lists the user keyspaces only
      assertThat(session.execute("DESCRIBE SCHEMA").all().stream().map(r -> r.getString("keyspace_name")).distinct())
          .containsExactly("app");
    }
  }
}
