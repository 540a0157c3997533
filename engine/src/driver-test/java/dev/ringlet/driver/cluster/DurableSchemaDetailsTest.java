package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema details DESCRIBE and {@code system_schema} show that a durable node must keep as Cassandra
 * 5.0 does across a restart: the order of a table's dropped columns (5.0 reloads them from
 * {@code system_schema.dropped_columns} into a new {@code HashMap}, which can list them in another
 * order than before the restart), and the {@code system_schema.column_masks} rows 5.0.9 leaves
 * behind after DROP TABLE, which every node of a cluster lists.
 */
class DurableSchemaDetailsTest {

  /**
   * DESCRIBE TABLE ... WITH INTERNALS of Cassandra 5.0.9 after columns c1 to c12 were dropped one
   * ALTER TABLE at a time, before and after a restart (recorded by hand against the reference node:
   * 12 records are copied into a map of 16 buckets before the restart, of 32 when loaded).
   */
  private static final List<String> BEFORE_RESTART = drops(4, 10, 3, 2, 12, 1, 11, 9, 8, 7, 6, 5);
  private static final List<String> AFTER_RESTART = drops(10, 12, 11, 9, 8, 7, 6, 5, 4, 3, 2, 1);

  @TempDir
  Path data;

  @Test
  void should_list_dropped_columns_in_cassandras_order_before_and_after_a_restart() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data);
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      StringBuilder columns = new StringBuilder();
      for (int i = 1; i <= 12; i++) {
        columns.append(", c").append(i).append(" int");
      }
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY" + columns + ")");
      for (int i = 1; i <= 12; i++) {
        session.execute("ALTER TABLE ks.t DROP c" + i + " USING TIMESTAMP " + (1000 * i));
      }
      assertThat(dropLines(session)).isEqualTo(BEFORE_RESTART);
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      assertThat(dropLines(session)).isEqualTo(AFTER_RESTART);
      assertThat(session.execute("SELECT column_name, dropped_time FROM system_schema.dropped_columns"
          + " WHERE keyspace_name = 'ks' AND table_name = 't'").all()).hasSize(12);
      // A later ALTER rebuilds the table from the loaded order: 5.0 keeps it (same size, same buckets)
      session.execute("ALTER TABLE ks.t WITH comment = 'x'");
      assertThat(dropLines(session)).isEqualTo(AFTER_RESTART);
    }
  }

  @Test
  void should_keep_leftover_column_masks_across_a_restart() {
    ClusterSpec spec = ClusterSpec.defaults().withDataDirectory(data).withDynamicDataMasking(true);
    List<String> before;
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.m (k int PRIMARY KEY, s text MASKED WITH mask_default(),"
          + " n int MASKED WITH mask_replace(-1), p text MASKED WITH mask_inner(1, null))");
      session.execute("DROP TABLE ks.m");
      before = masks(session);
      assertThat(before).hasSize(3);
    }
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = connect(cluster)) {
      assertThat(masks(session)).isEqualTo(before);
      // and they go on as 5.0's: a table created again with an unmasked column of that name deletes its row
      session.execute("CREATE TABLE ks.m (k int PRIMARY KEY, s text)");
      assertThat(masks(session)).hasSize(2).noneMatch(r -> r.contains("'s'"));
    }
  }

  @Test
  void should_list_leftover_column_masks_on_every_node_of_a_cluster() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withDynamicDataMasking(true));
        CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
      session.execute("CREATE TABLE ks.m (k int PRIMARY KEY, s text MASKED WITH mask_default())");
      session.execute("DROP TABLE ks.m");
      for (RingletNode node : cluster.nodes()) {
        List<Row> rows = session.execute(SimpleStatement.newInstance("SELECT table_name, column_name, function_name"
            + " FROM system_schema.column_masks WHERE keyspace_name = 'ks'").setNode(
                session.getMetadata().getNodes().get(node.hostId()))).all();
        assertThat(rows).as("column_masks on " + node).hasSize(1);
        assertThat(rows.get(0).getString("column_name")).isEqualTo("s");
        assertThat(rows.get(0).getString("function_name")).isEqualTo("mask_default");
      }
    }
  }

  private static List<String> masks(CqlSession session) {
    List<String> out = new ArrayList<>();
    for (Row r : session.execute("SELECT * FROM system_schema.column_masks WHERE keyspace_name = 'ks'")) {
      out.add(r.getFormattedContents());
    }
    return out;
  }

  private static List<String> dropLines(CqlSession session) {
    String create = session.execute("DESCRIBE TABLE ks.t WITH INTERNALS").one().getString("create_statement");
    return Arrays.stream(create.split("\n")).filter(l -> l.startsWith("ALTER TABLE")).toList();
  }

  /** {@code ALTER TABLE ks.t DROP cN USING TIMESTAMP 1000*N} for each column (also used by {@link DroppedColumnOrderClusterTest}). */
  static List<String> drops(int... columns) {
    List<String> out = new ArrayList<>();
    for (int c : columns) {
      out.add("ALTER TABLE ks.t DROP c" + c + " USING TIMESTAMP " + (1000 * c) + ";");
    }
    return out;
  }

  static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10))
            .build())
        .build();
  }
}
