package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriverSmokeTest {

  @Test
  void should_connect_create_insert_and_select() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
        CqlSession session = CqlSession.builder()
            .addContactPoints(cluster.contactPoints())
            .withLocalDatacenter(cluster.localDatacenter())
            .build()) {
      session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      session.execute("CREATE TABLE ks.t (k int, c int, v text, PRIMARY KEY (k, c))");
      session.execute("INSERT INTO ks.t (k, c, v) VALUES (1, 2, 'x')");
      List<Row> rows = session.execute("SELECT * FROM ks.t WHERE k = 1").all();
      assertThat(rows).hasSize(1);
      assertThat(rows.get(0).getString("v")).isEqualTo("x");
      assertThat(session.getMetadata().getKeyspace("ks").get().getTable("t")).isPresent();
    }
  }
}
