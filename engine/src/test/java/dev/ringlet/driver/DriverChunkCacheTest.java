package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.api.RingletNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads of flushed and compacted data with the chunk cache small, off, and at its default. */
class DriverChunkCacheTest {

  @TempDir
  Path data;

  private static void writeReadFlushCompact(ClusterSpec spec) {
    try (RingletCluster cluster = Ringlet.start(spec); CqlSession session = CqlSession.builder()
        .addContactPoints(cluster.contactPoints()).withLocalDatacenter(cluster.localDatacenter()).build()) {
      RingletNode node = cluster.nodes().get(0);
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v text, PRIMARY KEY (k, c))"
          + " WITH compression = {'class': 'LZ4Compressor', 'chunk_length_in_kb': 4}");
      PreparedStatement insert = session.prepare("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)");
      for (int k = 0; k < 30; k++) {
        for (int c = 0; c < 40; c++) {
          session.execute(insert.bind(k, c, "first-" + k + "-" + c + "-" + "y".repeat(50)));
        }
      }
      node.flush();
      PreparedStatement slice = session.prepare("SELECT c, v FROM ks.t WHERE k = ? AND c >= ? AND c < ?");
      for (int pass = 0; pass < 2; pass++) {
        for (int k = 0; k < 30; k++) {
          List<Row> rows = session.execute(slice.bind(k, 10, 15)).all();
          assertThat(rows).extracting(r -> r.getInt("c")).containsExactly(10, 11, 12, 13, 14);
          assertThat(rows.get(0).getString("v")).startsWith("first-" + k + "-10-");
        }
      }
      for (int k = 0; k < 30; k += 2) {
        session.execute(insert.bind(k, 12, "second-" + k));
      }
      node.flush();
      node.compact();
      for (int k = 0; k < 30; k++) {
        Row row = session.execute(slice.bind(k, 12, 13)).one();
        assertThat(row.getString("v")).startsWith(k % 2 == 0 ? "second-" + k : "first-" + k + "-12-");
      }
      assertThat(session.execute("SELECT count(*) FROM ks.t").one().getLong(0)).isEqualTo(30 * 40);
    }
  }

  @Test
  void should_read_flushed_and_compacted_data_through_a_small_cache() {
    writeReadFlushCompact(ClusterSpec.defaults().withDataDirectory(data).withFileCacheSize(16 * 1024));
  }

  @Test
  void should_read_flushed_and_compacted_data_without_a_cache() {
    writeReadFlushCompact(ClusterSpec.defaults().withFileCacheSize(0));
  }

  @Test
  void should_describe_and_validate_the_cache_size() {
    assertThat(ClusterSpec.defaults().fileCacheSize()).isEqualTo(-1);
    assertThat(ClusterSpec.defaults().withFileCacheSize(1 << 20).toString()).contains("fileCacheSize=1048576");
    assertThat(ClusterSpec.defaults().withFileCacheSize(1 << 20)).isNotEqualTo(ClusterSpec.defaults());
    assertThatThrownBy(() -> ClusterSpec.defaults().withFileCacheSize(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("fileCacheSize: -1 (expected: >= 0 bytes)");
  }
}
