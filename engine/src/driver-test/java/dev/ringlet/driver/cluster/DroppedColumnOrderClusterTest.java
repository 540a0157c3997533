package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import com.datastax.oss.driver.api.core.metadata.Node;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of a table's dropped columns on each node of a cluster, as Cassandra 5.0 keeps it: the
 * coordinator of the ALTER TABLE rebuilds its table in memory (one more entry into a map copied
 * with {@code putAll}), while the other nodes apply the pushed {@code system_schema} mutations and
 * fetch every table of the keyspace back from {@code system_schema.dropped_columns}, which gives
 * the order a restarted node has (see {@code DurableSchemaDetailsTest}, recorded against 5.0.9).
 */
class DroppedColumnOrderClusterTest {

  /** 5.0.9's order on the node that dropped c1 to c12 one ALTER at a time. */
  private static final List<String> COORDINATOR = DurableSchemaDetailsTest.drops(4, 10, 3, 2, 12, 1, 11, 9, 8, 7, 6, 5);
  /** 5.0.9's order of those 12 columns fetched from system_schema (a restart, or a peer). */
  private static final List<String> FETCHED = DurableSchemaDetailsTest.drops(10, 12, 11, 9, 8, 7, 6, 5, 4, 3, 2, 1);

  @Test
  void should_list_dropped_columns_in_the_fetched_order_on_the_nodes_that_received_the_schema() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = DurableSchemaDetailsTest.connect(cluster)) {
      RingletNode coordinator = cluster.node(0);
      StringBuilder columns = new StringBuilder();
      for (int i = 1; i <= 12; i++) {
        columns.append(", c").append(i).append(" int");
      }
      run(session, coordinator, "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      run(session, coordinator, "CREATE TABLE ks.t (k int PRIMARY KEY" + columns + ")");
      for (int i = 1; i <= 12; i++) {
        run(session, coordinator, "ALTER TABLE ks.t DROP c" + i + " USING TIMESTAMP " + (1000 * i));
      }

      // Then the coordinator lists its rebuilt order, the two others the fetched one
      assertThat(dropLines(session, coordinator)).isEqualTo(COORDINATOR);
      assertThat(dropLines(session, cluster.node(1))).isEqualTo(FETCHED);
      assertThat(dropLines(session, cluster.node(2))).isEqualTo(FETCHED);
      // and system_schema.dropped_columns lists them in clustering order on every node
      for (RingletNode node : cluster.nodes()) {
        assertThat(droppedRows(session, node)).as("dropped_columns on %s", node)
            .containsExactly("c1", "c10", "c11", "c12", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
      }

      // When another node changes the keyspace (a new table), the former coordinator fetches ks.t again
      run(session, cluster.node(1), "CREATE TABLE ks.u (k int PRIMARY KEY)");

      // Then every node lists the fetched order
      for (RingletNode node : cluster.nodes()) {
        assertThat(dropLines(session, node)).as("DESCRIBE on %s", node).isEqualTo(FETCHED);
      }
    }
  }

  @Test
  void should_keep_the_coordinators_order_when_another_keyspace_changes() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3));
        CqlSession session = DurableSchemaDetailsTest.connect(cluster)) {
      RingletNode coordinator = cluster.node(0);
      run(session, coordinator, "CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      run(session, coordinator, "CREATE KEYSPACE other WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      StringBuilder columns = new StringBuilder();
      for (int i = 1; i <= 12; i++) {
        columns.append(", c").append(i).append(" int");
      }
      run(session, coordinator, "CREATE TABLE ks.t (k int PRIMARY KEY" + columns + ")");
      for (int i = 1; i <= 12; i++) {
        run(session, coordinator, "ALTER TABLE ks.t DROP c" + i + " USING TIMESTAMP " + (1000 * i));
      }

      // When another node changes only another keyspace: 5.0 fetches only the keyspaces its mutations touch
      run(session, cluster.node(2), "CREATE TABLE other.u (k int PRIMARY KEY)");

      assertThat(dropLines(session, coordinator)).isEqualTo(COORDINATOR);
      assertThat(dropLines(session, cluster.node(1))).isEqualTo(FETCHED);
    }
  }

  private static void run(CqlSession session, RingletNode node, String cql) {
    session.execute(SimpleStatement.newInstance(cql).setNode(driverNode(session, node)));
  }

  private static Node driverNode(CqlSession session, RingletNode node) {
    return session.getMetadata().getNodes().get(node.hostId());
  }

  private static List<String> dropLines(CqlSession session, RingletNode node) {
    String create = session.execute(SimpleStatement.newInstance("DESCRIBE TABLE ks.t WITH INTERNALS")
        .setNode(driverNode(session, node))).one().getString("create_statement");
    return Arrays.stream(create.split("\n")).filter(l -> l.startsWith("ALTER TABLE")).toList();
  }

  private static List<String> droppedRows(CqlSession session, RingletNode node) {
    List<String> out = new ArrayList<>();
    for (Row r : session.execute(SimpleStatement.newInstance("SELECT column_name FROM system_schema.dropped_columns"
        + " WHERE keyspace_name = 'ks' AND table_name = 't'").setNode(driverNode(session, node)))) {
      out.add(r.getString(0));
    }
    return out;
  }

}
