package dev.ringlet.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.api.core.ConsistencyLevel;
import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import dev.ringlet.api.LoggedQuery;
import dev.ringlet.api.QueryLog;
import dev.ringlet.api.RingletCluster;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The query log injected into tests: what the application sent, starting afresh with each test. */
@CassandraCluster(keyspace = "logged", schema = "classpath:schema/fresh.cql", shared = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QueryLogTest {

  /** A tiny "application": what the test checks it sends. */
  static void saveNote(CqlSession session, int id, String body) {
    PreparedStatement insert = session.prepare("INSERT INTO notes (id, body) VALUES (?, ?)");
    session.execute(insert.bind(id, body).setConsistencyLevel(ConsistencyLevel.LOCAL_QUORUM));
  }

  @Test
  @Order(1)
  void shows_what_the_application_sent(CqlSession session, QueryLog log, RingletCluster cluster) {
    saveNote(session, 1, "first");

    assertThat(log).isSameAs(cluster.queryLog());
    LoggedQuery insert = log.statements().stream().filter(q -> q.queryContains("INSERT INTO notes")).findFirst().orElseThrow();
    assertThat(insert.kind()).isEqualTo(LoggedQuery.Kind.EXECUTE);
    assertThat(insert.consistency()).isEqualTo("LOCAL_QUORUM");
    assertThat(insert.keyspace()).isEqualTo("logged");
    assertThat(insert.values()).containsExactly(1, "first");
    assertThat(insert.coordinatorHostId()).isEqualTo(cluster.node(0).hostId());
  }

  @Test
  @Order(2)
  void starts_without_the_previous_tests_queries(CqlSession session, QueryLog log) {
    assertThat(log.queries(q -> q.queryContains("notes"))).isEmpty();
    session.execute("SELECT * FROM notes");
    assertThat(log.queries(q -> q.queryContains("notes"))).extracting(LoggedQuery::query)
        .containsExactly("SELECT * FROM notes");
  }
}
