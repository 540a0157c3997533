package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * A class with a keyspace and a schema script costs the cluster two driver sessions: the extension's
 * one set-up session (keyspace, script, resets) and the tests' own.
 */
// Alone, not beside the suite's other classes: its own cluster would add to their load (their DDL times out at 2 s).
@Isolated
@CassandraCluster(keyspace = "set_up", schema = "classpath:schema/fresh.cql", isolation = Isolation.NONE, shared = false)
class SetUpSessionTest {

  @Test
  void should_set_up_keyspace_and_script_through_one_session_besides_the_tests_one(CqlSession session, QueryLog log) {
    // Given the class's keyspace and script were set up before its first test, on a cluster of its own
    // When the log of everything the cluster answered so far is read
    // Then two sessions connected: each control connection reads system.peers_v2 once as it opens
    assertThat(log.queries(q -> q.query().equals("SELECT * FROM system.peers_v2"))).hasSize(2);
    // and the set-up session ran the script in the keyspace, then went back to a keyspace that always exists
    assertThat(log.queries(q -> q.query().startsWith("USE ") && !q.query().contains("\"")))
        .extracting(LoggedQuery::query).containsExactly("USE set_up", "USE system");
    LoggedQuery create = log.queries(q -> q.queryContains("CREATE TABLE notes")).get(0);
    assertThat(create.keyspace()).isEqualTo("set_up");
    assertThat(session.execute("SELECT * FROM notes").all()).isEmpty();
  }
}
