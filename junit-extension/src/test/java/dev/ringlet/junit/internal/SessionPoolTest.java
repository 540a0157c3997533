package dev.ringlet.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ringlet.api.ClusterSpec;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.Ringlet;
import dev.ringlet.api.RingletCluster;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

// Alone, not beside the suite's other classes: its own cluster would add to their load (their DDL times out at 2 s).
@Isolated
class SessionPoolTest {

  @Test
  void should_return_the_set_up_session_to_the_system_keyspace_after_a_failing_script() {
    try (RingletCluster cluster = Ringlet.start(ClusterSpec.defaults());
         SessionPool pool = new SessionPool(cluster, false, null)) {
      // Given a keyspace
      pool.execute("CREATE KEYSPACE scripted WITH replication = {'class': 'SimpleStrategy', 'replication_factor': 1}");
      cluster.queryLog().clear();

      // When a script in it fails at its second statement
      assertThatThrownBy(() -> pool.runScript("scripted", "inline.cql",
          List.of("CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO missing (id) VALUES (1)")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("schema script inline.cql, statement 2 of 2 failed: ");

      // Then the set-up session was switched back after it, and the extension's next statement runs there
      pool.execute("CREATE TABLE scripted.after (id int PRIMARY KEY)");
      // (the driver then repeats each USE on its connections, quoted: left out here)
      List<LoggedQuery> log = cluster.queryLog().queries(q -> !q.query().startsWith("SELECT") && !q.query().startsWith("USE \""));
      assertThat(log).extracting(LoggedQuery::query).containsExactly("USE scripted",
          "CREATE TABLE kept (id int PRIMARY KEY)", "INSERT INTO missing (id) VALUES (1)", "USE system",
          "CREATE TABLE scripted.after (id int PRIMARY KEY)");
      assertThat(log.get(4).keyspace()).isEqualTo("system");
      assertThat(pool.userKeyspaces()).containsExactly("scripted");
    }
  }
}
