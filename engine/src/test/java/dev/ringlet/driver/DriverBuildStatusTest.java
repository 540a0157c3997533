package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.config.DefaultDriverOption;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The system tables where 5.0 records finished view and index builds, read through the driver:
 * {@code system.built_views}, {@code system_distributed.view_build_status} (one SUCCESS per node)
 * and {@code system."IndexInfo"}; dropping a view or an index forgets its rows.
 */
class DriverBuildStatusTest {

  private static CqlSession connect(RingletCluster cluster) {
    return CqlSession.builder().addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter())
        .withConfigLoader(DriverConfigLoader.programmaticBuilder()
            .withDuration(DefaultDriverOption.METADATA_SCHEMA_WINDOW, Duration.ofMillis(1))
            .withDuration(DefaultDriverOption.REQUEST_TIMEOUT, Duration.ofSeconds(10)).build())
        .build();
  }

  @Test
  void should_list_built_views_and_indexes_until_they_are_dropped() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withMaterializedViews(true));
        CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int, w text)");
      session.execute("INSERT INTO ks.t (k, v, w) VALUES (1, 10, 'a')");
      session.execute("CREATE MATERIALIZED VIEW ks.by_v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL"
          + " PRIMARY KEY (v, k)");
      session.execute("CREATE INDEX t_w ON ks.t (w)");

      Row built = session.execute("SELECT * FROM system.built_views WHERE keyspace_name = 'ks'").one();
      assertThat(built.getString("view_name")).isEqualTo("by_v");
      assertThat(built.getBoolean("status_replicated")).isTrue();
      List<Row> status = session.execute(
          "SELECT host_id, status FROM system_distributed.view_build_status WHERE keyspace_name = 'ks' AND view_name = 'by_v'")
          .all();
      UUID hostId = session.execute("SELECT host_id FROM system.local").one().getUuid(0);
      assertThat(status).hasSize(1);
      assertThat(status.get(0).getUuid("host_id")).isEqualTo(hostId);
      assertThat(status.get(0).getString("status")).isEqualTo("SUCCESS");
      assertThat(session.execute("SELECT * FROM system.view_builds_in_progress").all()).isEmpty();
      Row index = session.execute("SELECT * FROM system.\"IndexInfo\" WHERE table_name = 'ks'").one();
      assertThat(index.getString("index_name")).isEqualTo("t_w");
      assertThat(index.getByteBuffer("value")).isNull();

      session.execute("DROP MATERIALIZED VIEW ks.by_v");
      session.execute("DROP INDEX ks.t_w");
      assertThat(session.execute("SELECT * FROM system.built_views WHERE keyspace_name = 'ks'").all()).isEmpty();
      assertThat(session.execute("SELECT * FROM system_distributed.view_build_status").all()).isEmpty();
      assertThat(session.execute("SELECT * FROM system.\"IndexInfo\" WHERE table_name = 'ks'").all()).isEmpty();
    }
  }

  @Test
  void should_record_every_node_of_a_cluster_in_the_view_build_status() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withMaterializedViews(true));
        CqlSession session = connect(cluster)) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 2}");
      session.execute("CREATE TABLE ks.t (k int PRIMARY KEY, v int)");
      session.execute("CREATE MATERIALIZED VIEW ks.by_v AS SELECT * FROM ks.t WHERE v IS NOT NULL AND k IS NOT NULL"
          + " PRIMARY KEY (v, k)");
      List<Row> status = session.execute("SELECT host_id, status FROM system_distributed.view_build_status").all();
      assertThat(status).extracting(r -> r.getString("status")).containsExactly("SUCCESS", "SUCCESS", "SUCCESS");
      assertThat(status).extracting(r -> r.getUuid("host_id")).doesNotHaveDuplicates();
    }
  }
}
