package dev.ringlet.bench.noop;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import dev.ringlet.bench.driver.Sessions;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoopServerTest {

  private static final String SCHEMA = "CREATE KEYSPACE IF NOT EXISTS ks WITH replication = "
      + "{'class': 'SimpleStrategy', 'replication_factor': 1}";

  @Test
  void should_answer_a_new_session_from_the_recorded_answers_whatever_the_bound_values() {
    // Given answers recorded while a session created a table, wrote a row and read it back
    try (NoopServer server = NoopServer.recordAndStart(NoopServerTest::workload)) {
      // When a new session does the same with other values
      try (CqlSession session = open(server.address())) {
        session.execute(SCHEMA);
        session.execute("CREATE TABLE IF NOT EXISTS ks.t (k int PRIMARY KEY, v text)");
        PreparedStatement select = session.prepare("SELECT v FROM ks.t WHERE k = ?");
        Row row = session.execute(select.bind(99)).one();

        // Then it gets the recorded row, and nothing went unanswered
        assertThat(row).isNotNull();
        assertThat(row.getString("v")).isEqualTo("one");
        assertThat(server.misses()).isZero();
      }
    }
  }

  private static void workload(InetSocketAddress address) {
    try (CqlSession session = open(address)) {
      session.execute(SCHEMA);
      session.execute("CREATE TABLE IF NOT EXISTS ks.t (k int PRIMARY KEY, v text)");
      session.execute(session.prepare("INSERT INTO ks.t (k, v) VALUES (?, ?)").bind(1, "one"));
      session.execute(session.prepare("SELECT v FROM ks.t WHERE k = ?").bind(1));
    }
  }

  private static CqlSession open(InetSocketAddress address) {
    return Sessions.open(List.of(address), "datacenter1", Sessions.Tuning.TESTS);
  }
}
