package dev.ringlet.driver.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.Row;
import com.datastax.oss.driver.api.core.cql.SimpleStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Materialized views on three nodes, RF=3: base replicas keep the view's replicas exact. */
class MaterializedViewClusterTest {

  private RingletCluster cluster;
  private CqlSession session;

  @BeforeEach
  void start() {
    cluster = Ringlet.start(ClusterSpec.defaults().withNodes(3).withManualClock(true).withMaterializedViews(true));
    session = ManualClockSessions.connect(cluster, ManualClockSessions.options(Duration.ofSeconds(10)));
    session.execute("CREATE KEYSPACE ks WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 3}");
    session.execute("CREATE TABLE ks.users (id int PRIMARY KEY, email text, name text)");
  }

  @AfterEach
  void stop() {
    if (session != null) {
      session.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  private void write(String cql) {
    session.execute(SimpleStatement.newInstance(cql).setConsistencyLevel(ConsistencyLevel.QUORUM));
  }

  private List<String> read(String cql, ConsistencyLevel level) {
    List<String> out = new ArrayList<>();
    for (Row r : session.execute(SimpleStatement.newInstance(cql).setConsistencyLevel(level))) {
      out.add(r.getString("email") + "," + r.getInt("id") + "," + r.getString("name"));
    }
    return out;
  }

  @Test
  void should_keep_every_view_replica_exact_when_the_base_is_written_at_quorum() {
    for (int i = 0; i < 20; i++) {
      write("INSERT INTO ks.users (id, email, name) VALUES (" + i + ", 'u" + i + "@x', 'n" + i + "')");
    }
    session.execute("CREATE MATERIALIZED VIEW ks.by_email AS SELECT * FROM ks.users"
        + " WHERE email IS NOT NULL AND id IS NOT NULL PRIMARY KEY (email, id)");
    assertThat(session.checkSchemaAgreement()).isTrue();
    assertThat(read("SELECT * FROM ks.by_email", ConsistencyLevel.ALL)).hasSize(20);

    write("UPDATE ks.users SET email = 'moved@x' WHERE id = 3");
    write("DELETE FROM ks.users WHERE id = 4");
    write("INSERT INTO ks.users (id, email, name) VALUES (100, 'new@x', 'new')");
    write("UPDATE ks.users SET name = 'renamed' WHERE id = 5");

    for (ConsistencyLevel level : List.of(ConsistencyLevel.ALL, ConsistencyLevel.QUORUM, ConsistencyLevel.ONE)) {
      assertThat(read("SELECT * FROM ks.by_email WHERE email = 'u3@x'", level)).isEmpty();
      assertThat(read("SELECT * FROM ks.by_email WHERE email = 'moved@x'", level)).containsExactly("moved@x,3,n3");
      assertThat(read("SELECT * FROM ks.by_email WHERE email = 'u4@x'", level)).isEmpty();
      assertThat(read("SELECT * FROM ks.by_email WHERE email = 'new@x'", level)).containsExactly("new@x,100,new");
      assertThat(read("SELECT * FROM ks.by_email WHERE email = 'u5@x'", level)).containsExactly("u5@x,5,renamed");
      assertThat(read("SELECT * FROM ks.by_email", level)).hasSize(20);
    }
    session.execute("TRUNCATE ks.users");
    assertThat(read("SELECT * FROM ks.by_email", ConsistencyLevel.ALL)).isEmpty();
  }
}
