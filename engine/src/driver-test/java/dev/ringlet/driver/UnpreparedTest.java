package dev.ringlet.driver;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import dev.ringlet.driver.wait.Await;
import org.junit.jupiter.api.Test;

/**
 * A node that never saw a prepared id answers UNPREPARED with that id, and the driver re-prepares
 * and retries by itself: here the node is replaced by a fresh one on the same address.
 */
class UnpreparedTest {

  private static final String DDL_KS = "CREATE KEYSPACE up WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}";
  private static final String DDL_TABLE = "CREATE TABLE up.t (k int PRIMARY KEY, v text)";

  @Test
  void should_let_the_driver_reprepare_when_the_node_does_not_know_the_id() throws Exception {
    RingletCluster first = Ringlet.start(ClusterSpec.defaults()); // a free port, bound by the node
    // the second node on the port the first bound (just closed by it), as a node restarted empty
    ClusterSpec spec = ClusterSpec.defaults().withPort(first.contactPoints().get(0).getPort());
    // Without re-prepare-on-up, only the UNPREPARED answer can make the driver prepare again.
    com.datastax.oss.driver.api.core.config.DriverConfigLoader config =
        com.datastax.oss.driver.api.core.config.DriverConfigLoader.programmaticBuilder()
            .withBoolean(com.datastax.oss.driver.api.core.config.DefaultDriverOption.REPREPARE_ENABLED, false)
            .withDuration(com.datastax.oss.driver.api.core.config.DefaultDriverOption.RECONNECTION_BASE_DELAY, java.time.Duration.ofMillis(100))
            .withDuration(com.datastax.oss.driver.api.core.config.DefaultDriverOption.RECONNECTION_MAX_DELAY, java.time.Duration.ofMillis(200))
            .build();
    try (CqlSession session = CqlSession.builder().addContactPoints(first.contactPoints())
        .withLocalDatacenter(first.localDatacenter()).withConfigLoader(config).build()) {
      session.execute(DDL_KS);
      session.execute(DDL_TABLE);
      PreparedStatement insert = session.prepare("INSERT INTO up.t (k, v) VALUES (?, ?)");
      session.execute(insert.bind(1, "first"));
      first.close();

      try (RingletCluster second = Ringlet.start(spec)) {
        // The new node knows nothing: not the schema, not the prepared id.
        try (CqlSession admin = CqlSession.builder().addContactPoints(second.contactPoints())
            .withLocalDatacenter(second.localDatacenter()).build()) {
          admin.execute(DDL_KS);
          admin.execute(DDL_TABLE);
        }
        Await.until("driver reconnected and re-prepared", () -> {
          try {
            session.execute(insert.bind(2, "second")); // answered UNPREPARED, re-prepared, retried
            return true;
          } catch (com.datastax.oss.driver.api.core.AllNodesFailedException e) {
            return false; // the driver has not reconnected yet
          }
        });
        assertThat(session.execute("SELECT v FROM up.t WHERE k = 2").one().getString(0)).isEqualTo("second");
      }
    }
  }
}
